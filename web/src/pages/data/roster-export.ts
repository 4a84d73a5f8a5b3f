// 导出名册: the roster exactly as filtered and sorted on the page (unit, search, category, post, level, order), as an Excel workbook
// with the columns the page shows. The rows come from the same scope-limited API as the page, a page at a time.
import { api, qs, type Page, type RosterItem } from '../../api';
import { POST_ROLE_LABELS, type PostRole } from '../../vocab';

export interface RosterFilter {
  unitId?: string;
  search?: string;
  category?: string;
  post?: string;
  level?: string;
  /** 'true': only cadres inside an influence period today */
  inPeriod?: string;
  /** the page's order (GET /api/cadres `sort`, `order`): the workbook lists the cadres as the page does */
  sort?: string;
  order?: 'asc' | 'desc';
}

/** The API's largest page. */
const BATCH = 500;
/** Beyond this a roster belongs in the 导入导出 page's full export, not a page's export. */
export const ROSTER_EXPORT_LIMIT = 20_000;

export async function rosterRows(filter: RosterFilter): Promise<RosterItem[]> {
  const rows: RosterItem[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await api.get<Page<RosterItem>>(`/cadres${qs({ ...filter, offset, limit: BATCH })}`);
    if (offset === 0 && page.total > ROSTER_EXPORT_LIMIT)
      throw new Error(
        `当前筛选共 ${page.total.toLocaleString('zh-CN')} 人，超过名册导出上限 ${ROSTER_EXPORT_LIMIT.toLocaleString('zh-CN')} 人；请缩小范围，或在“导入导出”中导出全部干部。`,
      );
    rows.push(...page.items);
    if (page.items.length < BATCH || rows.length >= page.total) return rows;
  }
}

/** Writes the workbook and starts the download; returns the number of cadres exported. */
export async function exportRoster(filter: RosterFilter, unitName: string | undefined): Promise<number> {
  const rows = await rosterRows(filter);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部名册');
  ws.columns = [
    { header: '序号', width: 8 },
    { header: '姓名', width: 12 },
    { header: '性别', width: 6 },
    { header: '现任职务', width: 40 },
    { header: '职级', width: 8 },
    { header: '职务类别', width: 18 },
    { header: '人员类别', width: 12 },
    { header: '管理单位', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.name,
      r.gender ?? '',
      r.postTitle ? `${r.postUnitName ?? ''}${r.postTitle}` : '',
      r.level ?? '',
      r.role ? (POST_ROLE_LABELS[r.role as PostRole] ?? '') : '',
      r.category,
      r.unitName ?? '',
    ]),
  );
  const buffer = await wb.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `干部名册${unitName ? `-${unitName}` : ''}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return rows.length;
}
