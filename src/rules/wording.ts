/** Small helpers that word facts for messages (names instead of ids where a reader expects them). */
import type { ValidationContext } from '../validate/context.js';

export function departmentNames(ctx: ValidationContext, ids: readonly string[]): string[] {
  return ids.map((id) => ctx.departments.get(id)?.name ?? id);
}

/** Phrases an empty list as "none" / "无". */
export function orNone(list: readonly string[]): { en: string[] | string; 'zh-CN': string[] | string } {
  return list.length > 0 ? { en: [...list], 'zh-CN': [...list] } : { en: 'none', 'zh-CN': '无' };
}

const BASIS_ZH: Record<string, string> = {
  routine: '日常检查',
  random: '双随机抽查',
  special: '专项检查',
  complaint: '投诉举报',
  referral: '移送交办',
  'data-clue': '监测数据线索',
  'enterprise-request': '企业申请',
  licensing: '行政许可核查',
  recheck: '复查',
  emergency: '突发事件',
};

/** A basis as a Chinese reader knows it (the code itself in English). */
export function basisZh(basis: string): string {
  return BASIS_ZH[basis] ?? basis;
}
