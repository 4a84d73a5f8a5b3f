// The scope-limited unit tree (GET /units/tree), loaded once per session and shared by the pages that need it.
import { useEffect, useState } from 'react';
import { api, type UnitNode } from './api';

let cache: Promise<UnitNode[]> | null = null;

export function loadUnitTree(force = false): Promise<UnitNode[]> {
  if (!cache || force) {
    cache = api.get<UnitNode[] | { items: UnitNode[] }>('/units/tree').then((r) => (Array.isArray(r) ? r : r.items));
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export function forgetUnitTree(): void {
  cache = null;
}

export function useUnitTree(): { tree: UnitNode[]; names: Map<string, string>; error: Error | null; loading: boolean } {
  const [tree, setTree] = useState<UnitNode[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    loadUnitTree()
      .then((t) => live && setTree(t))
      .catch((e: Error) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  const names = new Map<string, string>();
  const walk = (ns: UnitNode[]) => {
    for (const n of ns) {
      names.set(n.id, n.name);
      if (n.children) walk(n.children);
    }
  };
  walk(tree);
  return { tree, names, error, loading };
}

/** antd TreeSelect / Tree data from unit nodes. */
export interface TreeOption {
  title: string;
  value: string;
  key: string;
  children?: TreeOption[];
  isLeaf?: boolean;
}
export function toTreeData(nodes: UnitNode[]): TreeOption[] {
  return nodes.map((n) => ({
    title: n.name,
    value: n.id,
    key: n.id,
    ...(n.children && n.children.length > 0 ? { children: toTreeData(n.children) } : { isLeaf: true }),
  }));
}
