// 数据管理 · 组织与干部: the scope-limited unit tree beside the cadre roster. Choosing a unit narrows the roster to
// the cadres managed within that unit's subtree (the server applies the user's scope whatever is asked).
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Input,
  Row as GridRow,
  Select,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
  App,
} from 'antd';
import { ApartmentOutlined, ExportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, qs, type Page, type RosterItem, type UnitNode, type Row } from '../../api';
import { useLoad } from '../../hooks';
import { toTreeData, useUnitTree } from '../../units';
import { useAuth } from '../../auth';
import { navigate } from '../../router';
import {
  canWrite,
  CADRE_CATEGORIES,
  LEVELS,
  POST_ROLE_LABELS,
  POST_ROLES,
  UNIT_KIND_LABELS,
  type PostRole,
  type UnitKind,
} from '../../vocab';
import { RecordForm } from './RecordForm';
import { exportRoster, type RosterFilter } from './roster-export';

const PAGE_SIZES = [20, 50, 100];
/** Short words for the table; the full labels are in the filter and the profile. */
const ROLE_SHORT: Record<PostRole, string> = {
  principal: '党政正职',
  deputy: '副职',
  member: '班子成员',
  midlevel: '中层干部',
  staff: '一般干部',
};

/**
 * The server's orders of the whole filtered list (GET /api/cadres `sort`), by the column that shows them; the
 * default, 按职务次序 (principals first, then deputies, members, middle-level and other cadres; higher levels first),
 * is the 职务类别 column's ascending order.
 */
type RosterSort = 'position' | 'name' | 'level' | 'category' | 'unit';
const DEFAULT_SORT: { sort: RosterSort; order: 'asc' | 'desc' } = { sort: 'position', order: 'asc' };
const SORT_OF_COLUMN: Record<string, RosterSort> = {
  name: 'name',
  level: 'level',
  role: 'position',
  category: 'category',
  unitName: 'unit',
};

function filterTree(nodes: UnitNode[], q: string): UnitNode[] {
  if (!q) return nodes;
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const kids = filterTree(n.children ?? [], q);
    if (n.name.includes(q) || kids.length > 0)
      out.push({ ...n, children: kids.length > 0 ? kids : n.name.includes(q) ? n.children : [] });
  }
  return out;
}

function allKeys(nodes: UnitNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => [n.id, ...allKeys(n.children ?? [], depth - 1)]);
}

export function RosterPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const { tree, names, error: treeError, loading: treeLoading } = useUnitTree();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [post, setPost] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  // 在影响期内: only cadres inside an influence period today
  const [inPeriod, setInPeriod] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]!);
  const [sorting, setSorting] = useState(DEFAULT_SORT);
  const [exporting, setExporting] = useState(false);
  const [treeQuery, setTreeQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const canAdd = !!user && canWrite(user.role, 'cadres');

  const { data, error, loading, reload } = useLoad(
    () =>
      api.get<Page<RosterItem>>(
        `/cadres${qs({ unitId, search, category, post, level, inPeriod: inPeriod ? 'true' : undefined, ...sorting, offset: (page - 1) * pageSize, limit: pageSize })}`,
      ),
    [unitId, search, category, post, level, inPeriod, sorting, page, pageSize],
  );

  const shownTree = useMemo(() => filterTree(tree, treeQuery.trim()), [tree, treeQuery]);
  const expanded = useMemo(() => (treeQuery ? allKeys(shownTree, 6) : allKeys(tree, 1)), [shownTree, tree, treeQuery]);
  async function runExport() {
    const filter: RosterFilter = {
      unitId,
      search,
      category,
      post,
      level,
      inPeriod: inPeriod ? 'true' : undefined,
      ...sorting,
    };
    setExporting(true);
    try {
      const n = await exportRoster(filter, unitId ? names.get(unitId) : undefined);
      void message.success(`已导出 ${n.toLocaleString('zh-CN')} 人`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const sortOrderOf = (column: string) =>
    SORT_OF_COLUMN[column] === sorting.sort
      ? sorting.order === 'desc'
        ? ('descend' as const)
        : ('ascend' as const)
      : null;

  const reset = (fn: () => void) => {
    fn();
    setPage(1);
  };

  return (
    <GridRow gutter={12} wrap={false}>
      <Col flex="280px">
        <Card
          size="small"
          className="sx-tree-panel"
          title={
            <Space>
              <ApartmentOutlined />
              组织机构
            </Space>
          }
          extra={
            unitId && (
              <Button type="link" size="small" onClick={() => reset(() => setUnitId(undefined))}>
                全部
              </Button>
            )
          }
        >
          <Input.Search
            placeholder="查找单位"
            allowClear
            size="small"
            onSearch={setTreeQuery}
            style={{ marginBottom: 8 }}
          />
          {treeError ? (
            <Alert type="error" showIcon title={treeError.message} />
          ) : shownTree.length === 0 && !treeLoading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无可见单位" />
          ) : (
            <Tree
              key={treeQuery + String(tree.length)}
              data-testid="unit-tree"
              showLine
              blockNode
              defaultExpandedKeys={expanded}
              selectedKeys={unitId ? [unitId] : []}
              treeData={toTreeData(shownTree)}
              onSelect={(keys) => reset(() => setUnitId(keys[0] ? String(keys[0]) : undefined))}
            />
          )}
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card
          size="small"
          title={
            <Space>
              干部名册
              {unitId && <Tag color="red">{names.get(unitId) ?? '所选单位'}</Tag>}
            </Space>
          }
          extra={
            <Space>
              <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
                刷新
              </Button>
              <Button
                icon={<ExportOutlined />}
                loading={exporting}
                disabled={!data?.total}
                data-testid="roster-export"
                onClick={() => void runExport()}
              >
                导出名册
              </Button>
              {canAdd && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  新增干部
                </Button>
              )}
            </Space>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              placeholder="姓名或职务"
              allowClear
              style={{ width: 200 }}
              onSearch={(v) => reset(() => setSearch(v.trim()))}
              data-testid="roster-search"
            />
            <Select
              placeholder="人员类别"
              allowClear
              style={{ width: 130 }}
              value={category}
              onChange={(v) => reset(() => setCategory(v))}
              options={CADRE_CATEGORIES.map((c) => ({ value: c, label: c }))}
            />
            <Select
              placeholder="职务类别"
              allowClear
              style={{ width: 190 }}
              value={post}
              onChange={(v) => reset(() => setPost(v))}
              options={POST_ROLES.map((r) => ({ value: r, label: POST_ROLE_LABELS[r] }))}
            />
            <Select
              placeholder="职级"
              allowClear
              style={{ width: 110 }}
              value={level}
              onChange={(v) => reset(() => setLevel(v))}
              options={LEVELS.map((l) => ({ value: l, label: l }))}
            />
            {user?.role !== 'cadre' && (
              <Checkbox checked={inPeriod} onChange={(e) => reset(() => setInPeriod(e.target.checked))}>
                在影响期内
              </Checkbox>
            )}
          </Space>
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
          <Table<RosterItem>
            rowKey="id"
            size="small"
            data-testid="roster"
            loading={loading}
            dataSource={data?.items ?? []}
            scroll={{ x: 820 }}
            onRow={(r) => ({ onDoubleClick: () => navigate(`/data/cadres/${encodeURIComponent(r.id)}`) })}
            // sorting is the server's, over the whole filtered list: a click asks for page 1 in the new order
            onChange={(_p, _f, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const by = s?.order ? SORT_OF_COLUMN[String(s.columnKey ?? s.field)] : undefined;
              reset(() => setSorting(by ? { sort: by, order: s!.order === 'descend' ? 'desc' : 'asc' } : DEFAULT_SORT));
            }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 人`,
              onChange: (p, size) => {
                if (size !== pageSize) {
                  setPageSize(size);
                  setPage(1);
                } else setPage(p);
              },
            }}
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                width: 96,
                fixed: 'left',
                key: 'name',
                sorter: true,
                sortOrder: sortOrderOf('name'),
                render: (v: string, r) => <a href={`#/data/cadres/${encodeURIComponent(r.id)}`}>{v}</a>,
              },
              { title: '性别', dataIndex: 'gender', width: 52, render: (v: string | null) => v ?? '—' },
              {
                title: '现任职务',
                dataIndex: 'postTitle',
                ellipsis: true,
                render: (v: string | null, r) =>
                  v ? `${r.postUnitName ?? ''}${v}` : <Typography.Text type="secondary">—</Typography.Text>,
              },
              {
                title: '职级',
                dataIndex: 'level',
                width: 72,
                key: 'level',
                sorter: true,
                sortOrder: sortOrderOf('level'),
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '职务类别',
                dataIndex: 'role',
                width: 96,
                key: 'role',
                sorter: true,
                sortOrder: sortOrderOf('role'),
                render: (v: string | null) => (v ? (ROLE_SHORT[v as PostRole] ?? v) : '—'),
              },
              {
                title: '人员类别',
                dataIndex: 'category',
                width: 92,
                key: 'category',
                sorter: true,
                sortOrder: sortOrderOf('category'),
              },
              {
                title: '管理单位',
                dataIndex: 'unitName',
                width: 150,
                ellipsis: true,
                key: 'unitName',
                sorter: true,
                sortOrder: sortOrderOf('unitName'),
                render: (v: string | null, r) => v ?? names.get(r.managingUnitId) ?? '—',
              },
              {
                title: '操作',
                width: 90,
                render: (_: unknown, r) => (
                  <a href={`#/data/cadres/${encodeURIComponent(r.id)}`} data-testid="open-profile">
                    查看档案
                  </a>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <RecordForm
        kind="cadres"
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(row: Row) => {
          setAdding(false);
          void message.success('已新增干部');
          navigate(`/data/cadres/${encodeURIComponent(row.id)}`);
        }}
      />
    </GridRow>
  );
}

export const unitKindLabel = (k: string): string => UNIT_KIND_LABELS[k as UnitKind] ?? k;
