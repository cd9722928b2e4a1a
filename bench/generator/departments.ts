/**
 * The twelve key enforcement departments of a prefecture-level city (domain.md: Xinxiang
 * merged the items of 12 key departments into joint spot-check plans), their inspection items
 * (检查事项) and which kinds of enterprise each one inspects.
 * Legal bases name the governing law or regulation only (no article numbers), so nothing here
 * pretends to a precision it does not have.
 */

export const DEPARTMENT_IDS = [
  'SAMR',
  'TAX',
  'HRSS',
  'ENV',
  'FIRE',
  'HEALTH',
  'EMERG',
  'TRANS',
  'HOUSING',
  'AGRI',
  'CULTURE',
  'NATRES',
] as const;
export type DepartmentId = (typeof DEPARTMENT_IDS)[number];

export interface DepartmentDef {
  id: DepartmentId;
  /** Name without the city/district prefix; `taxStyle` names are built differently. */
  name: string;
  /** Name of the county-level office for the demo tier (a district). */
  districtName: string;
  /** Special campaigns (专项行动) as inclusive month ranges. */
  campaigns: Array<[number, number]>;
  /** Restricted to non-urban counties in tiers that model territorial jurisdiction. */
  countiesOnly?: boolean;
}

export const DEPARTMENTS: DepartmentDef[] = [
  { id: 'SAMR', name: '市场监督管理局', districtName: '市场监督管理局', campaigns: [[1, 2], [8, 9]] },
  { id: 'TAX', name: '税务局', districtName: '税务局', campaigns: [[3, 5]] },
  { id: 'HRSS', name: '人力资源和社会保障局', districtName: '人力资源和社会保障局', campaigns: [[5, 6], [11, 12]] },
  { id: 'ENV', name: '生态环境局', districtName: '生态环境分局', campaigns: [[5, 9]] },
  { id: 'FIRE', name: '消防救援支队', districtName: '消防救援大队', campaigns: [[1, 3], [6, 8]] },
  { id: 'HEALTH', name: '卫生健康委员会', districtName: '卫生健康委员会', campaigns: [[4, 6]] },
  { id: 'EMERG', name: '应急管理局', districtName: '应急管理局', campaigns: [[6, 6], [9, 10]] },
  { id: 'TRANS', name: '交通运输局', districtName: '交通运输局', campaigns: [[9, 10]] },
  { id: 'HOUSING', name: '住房和城乡建设局', districtName: '住房和城乡建设局', campaigns: [[5, 8]] },
  { id: 'AGRI', name: '农业农村局', districtName: '农业农村局', campaigns: [[3, 5], [9, 10]], countiesOnly: true },
  { id: 'CULTURE', name: '文化广电和旅游局', districtName: '文化广电和旅游局', campaigns: [[7, 8]] },
  { id: 'NATRES', name: '自然资源和规划局', districtName: '自然资源和规划分局', campaigns: [[4, 6]], countiesOnly: true },
];

/** Display name of a department for a city (`新乡市`) or a district (`新乡市红旗区`). */
export function departmentName(def: DepartmentDef, prefix: string, district: boolean): string {
  const base = district ? def.districtName : def.name;
  return def.id === 'TAX' ? `国家税务总局${prefix}${base}` : `${prefix}${base}`;
}

export const TAGS = [
  'catering',
  'retail',
  'manufacturing',
  'hazardous-chemicals',
  'construction',
  'transport',
  'healthcare',
  'pharmacy',
  'hotel',
  'entertainment',
  'agriculture',
  'mining',
] as const;
export type Tag = (typeof TAGS)[number];

export interface ItemDef {
  /** Suffix of the id: `${departmentId}-${suffix}`. */
  suffix: string;
  name: string;
  duration: number;
  field: string;
  legalBasis: string;
  offsite?: boolean;
  qualifications?: string[];
  /** The item applies only to enterprises with one of these tags; absent = to all. */
  forTags?: Tag[];
}

const FOOD_SAFETY = '《中华人民共和国食品安全法》';
const SAFETY_LAW = '《中华人民共和国安全生产法》';
const TAX_LAW = '《中华人民共和国税收征收管理法》';
const AIR_LAW = '《中华人民共和国大气污染防治法》';
const FIRE_LAW = '《中华人民共和国消防法》';
const ROAD_REG = '《中华人民共和国道路运输条例》';

export const ITEMS: Record<DepartmentId, ItemDef[]> = {
  SAMR: [
    { suffix: '01', name: '食品经营许可及食品安全检查', duration: 90, field: 'food-drug', legalBasis: FOOD_SAFETY, forTags: ['catering', 'retail', 'hotel'] },
    { suffix: '02', name: '特种设备使用安全检查', duration: 90, field: 'work-safety', legalBasis: '《中华人民共和国特种设备安全法》', qualifications: ['special-equipment'], forTags: ['manufacturing', 'hazardous-chemicals', 'hotel', 'construction', 'healthcare'] },
    { suffix: '03', name: '产品质量监督抽查', duration: 60, field: 'market', legalBasis: '《中华人民共和国产品质量法》', forTags: ['manufacturing', 'retail'] },
    { suffix: '04', name: '价格与计量行为检查', duration: 45, field: 'market', legalBasis: '《中华人民共和国价格法》', forTags: ['retail', 'catering', 'pharmacy', 'hotel'] },
    { suffix: '05', name: '企业年度报告公示信息核查', duration: 30, field: 'market', legalBasis: '《企业信息公示暂行条例》', offsite: true },
    { suffix: '06', name: '药品医疗器械经营质量检查', duration: 60, field: 'food-drug', legalBasis: '《中华人民共和国药品管理法》', forTags: ['pharmacy', 'healthcare'] },
    { suffix: '07', name: '广告发布行为检查', duration: 30, field: 'market', legalBasis: '《中华人民共和国广告法》', offsite: true, forTags: ['retail', 'catering', 'healthcare', 'pharmacy', 'entertainment'] },
  ],
  TAX: [
    { suffix: '01', name: '发票使用管理检查', duration: 60, field: 'tax', legalBasis: '《中华人民共和国发票管理办法》' },
    { suffix: '02', name: '纳税申报情况核查', duration: 45, field: 'tax', legalBasis: TAX_LAW, offsite: true },
    { suffix: '03', name: '税收优惠资格核查', duration: 60, field: 'tax', legalBasis: TAX_LAW, offsite: true, forTags: ['manufacturing', 'agriculture'] },
    { suffix: '04', name: '账簿凭证实地核查', duration: 90, field: 'tax', legalBasis: TAX_LAW },
  ],
  HRSS: [
    { suffix: '01', name: '劳动合同签订情况检查', duration: 45, field: 'labour', legalBasis: '《劳动保障监察条例》' },
    { suffix: '02', name: '工资支付情况检查', duration: 60, field: 'labour', legalBasis: '《保障农民工工资支付条例》' },
    { suffix: '03', name: '社会保险参保缴费检查', duration: 45, field: 'labour', legalBasis: '《中华人民共和国社会保险法》', offsite: true },
    { suffix: '04', name: '工作时间与休息休假检查', duration: 45, field: 'labour', legalBasis: '《中华人民共和国劳动法》', forTags: ['manufacturing', 'catering', 'retail', 'hotel', 'transport'] },
  ],
  ENV: [
    { suffix: '01', name: '排污许可执行情况检查', duration: 90, field: 'environment', legalBasis: '《排污许可管理条例》', forTags: ['manufacturing', 'hazardous-chemicals', 'mining'] },
    { suffix: '02', name: '污染防治设施运行检查', duration: 60, field: 'environment', legalBasis: '《中华人民共和国环境保护法》' },
    { suffix: '03', name: '危险废物规范化管理检查', duration: 90, field: 'environment', legalBasis: '《中华人民共和国固体废物污染环境防治法》', qualifications: ['hazmat'], forTags: ['hazardous-chemicals', 'manufacturing', 'healthcare'] },
    { suffix: '04', name: '自动监控数据核查', duration: 30, field: 'environment', legalBasis: AIR_LAW, offsite: true, forTags: ['manufacturing', 'hazardous-chemicals', 'mining'] },
    { suffix: '05', name: '餐饮油烟治理检查', duration: 30, field: 'environment', legalBasis: AIR_LAW, forTags: ['catering', 'hotel'] },
    { suffix: '06', name: '扬尘污染防治检查', duration: 45, field: 'environment', legalBasis: AIR_LAW, forTags: ['construction', 'mining'] },
  ],
  FIRE: [
    { suffix: '01', name: '消防安全检查', duration: 60, field: 'fire-safety', legalBasis: FIRE_LAW },
    { suffix: '02', name: '消防设施维护保养检查', duration: 60, field: 'fire-safety', legalBasis: '《消防监督检查规定》' },
    { suffix: '03', name: '人员密集场所消防安全检查', duration: 90, field: 'fire-safety', legalBasis: FIRE_LAW, forTags: ['catering', 'hotel', 'entertainment', 'retail', 'healthcare'] },
    { suffix: '04', name: '消防安全责任制落实情况书面核查', duration: 30, field: 'fire-safety', legalBasis: FIRE_LAW, offsite: true },
  ],
  HEALTH: [
    { suffix: '01', name: '公共场所卫生检查', duration: 60, field: 'health', legalBasis: '《公共场所卫生管理条例》', forTags: ['hotel', 'entertainment', 'catering', 'retail'] },
    { suffix: '02', name: '职业病危害防治检查', duration: 90, field: 'health', legalBasis: '《中华人民共和国职业病防治法》', qualifications: ['occupational-health'], forTags: ['manufacturing', 'hazardous-chemicals', 'mining', 'construction'] },
    { suffix: '03', name: '医疗机构执业检查', duration: 90, field: 'health', legalBasis: '《医疗机构管理条例》', forTags: ['healthcare'] },
    { suffix: '04', name: '生活饮用水卫生检查', duration: 45, field: 'health', legalBasis: '《生活饮用水卫生监督管理办法》', forTags: ['hotel', 'catering', 'healthcare', 'manufacturing'] },
    { suffix: '05', name: '传染病防控措施检查', duration: 45, field: 'health', legalBasis: '《中华人民共和国传染病防治法》', forTags: ['healthcare', 'hotel', 'entertainment'] },
  ],
  EMERG: [
    { suffix: '01', name: '安全生产主体责任检查', duration: 90, field: 'work-safety', legalBasis: SAFETY_LAW },
    { suffix: '02', name: '危险化学品安全检查', duration: 120, field: 'work-safety', legalBasis: '《危险化学品安全管理条例》', qualifications: ['hazmat'], forTags: ['hazardous-chemicals'] },
    { suffix: '03', name: '粉尘涉爆安全检查', duration: 60, field: 'work-safety', legalBasis: '《工贸企业粉尘防爆安全规定》', forTags: ['manufacturing', 'agriculture'] },
    { suffix: '04', name: '有限空间作业安全检查', duration: 60, field: 'work-safety', legalBasis: '《工贸企业有限空间作业安全规定》', forTags: ['manufacturing', 'hazardous-chemicals', 'catering'] },
    { suffix: '05', name: '生产安全事故应急预案备案核查', duration: 30, field: 'work-safety', legalBasis: '《生产安全事故应急预案管理办法》', offsite: true },
    { suffix: '06', name: '非煤矿山安全检查', duration: 120, field: 'work-safety', legalBasis: '《中华人民共和国矿山安全法》', qualifications: ['mining-safety'], forTags: ['mining'] },
  ],
  TRANS: [
    { suffix: '01', name: '道路运输经营资质检查', duration: 45, field: 'transport', legalBasis: ROAD_REG, forTags: ['transport'] },
    { suffix: '02', name: '危险货物道路运输安全检查', duration: 90, field: 'work-safety', legalBasis: '《危险货物道路运输安全管理办法》', qualifications: ['hazmat'], forTags: ['hazardous-chemicals'] },
    { suffix: '03', name: '营运车辆技术状况检查', duration: 60, field: 'transport', legalBasis: ROAD_REG, forTags: ['transport', 'construction', 'mining'] },
    { suffix: '04', name: '卫星定位动态监控数据核查', duration: 30, field: 'transport', legalBasis: '《道路运输车辆动态监督管理办法》', offsite: true },
  ],
  HOUSING: [
    { suffix: '01', name: '建筑施工安全检查', duration: 120, field: 'work-safety', legalBasis: '《建设工程安全生产管理条例》', qualifications: ['construction-safety'], forTags: ['construction'] },
    { suffix: '02', name: '建设工程质量检查', duration: 90, field: 'construction', legalBasis: '《建设工程质量管理条例》', forTags: ['construction'] },
    { suffix: '03', name: '建筑起重机械安全检查', duration: 60, field: 'work-safety', legalBasis: '《建筑起重机械安全监督管理规定》', qualifications: ['special-equipment'], forTags: ['construction'] },
    { suffix: '04', name: '企业资质与人员到岗情况核查', duration: 30, field: 'construction', legalBasis: '《建筑业企业资质管理规定》', offsite: true },
    { suffix: '05', name: '燃气使用安全检查', duration: 45, field: 'work-safety', legalBasis: '《城镇燃气管理条例》', forTags: ['catering', 'hotel', 'hazardous-chemicals'] },
  ],
  AGRI: [
    { suffix: '01', name: '农产品质量安全检查', duration: 60, field: 'food-drug', legalBasis: '《中华人民共和国农产品质量安全法》', forTags: ['agriculture'] },
    { suffix: '02', name: '农药经营使用检查', duration: 45, field: 'agriculture', legalBasis: '《农药管理条例》', forTags: ['agriculture', 'retail'] },
    { suffix: '03', name: '种子质量检查', duration: 45, field: 'agriculture', legalBasis: '《中华人民共和国种子法》', forTags: ['agriculture'] },
    { suffix: '04', name: '兽药饲料质量检查', duration: 60, field: 'agriculture', legalBasis: '《兽药管理条例》', forTags: ['agriculture'] },
    { suffix: '05', name: '农业投入品备案信息核查', duration: 30, field: 'agriculture', legalBasis: '《农药管理条例》', offsite: true },
  ],
  CULTURE: [
    { suffix: '01', name: '娱乐场所经营检查', duration: 45, field: 'culture', legalBasis: '《娱乐场所管理条例》', forTags: ['entertainment'] },
    { suffix: '02', name: '旅游经营服务质量检查', duration: 45, field: 'culture', legalBasis: '《中华人民共和国旅游法》', forTags: ['hotel'] },
    { suffix: '03', name: '上网服务营业场所检查', duration: 30, field: 'culture', legalBasis: '《互联网上网服务营业场所管理条例》', forTags: ['entertainment'] },
    { suffix: '04', name: '营业性演出安全检查', duration: 60, field: 'culture', legalBasis: '《营业性演出管理条例》', forTags: ['entertainment', 'hotel'] },
  ],
  NATRES: [
    { suffix: '01', name: '土地利用情况检查', duration: 60, field: 'land-resources', legalBasis: '《中华人民共和国土地管理法》' },
    { suffix: '02', name: '矿产资源开采检查', duration: 90, field: 'land-resources', legalBasis: '《中华人民共和国矿产资源法》', qualifications: ['mining-safety'], forTags: ['mining'] },
    { suffix: '03', name: '规划许可执行情况检查', duration: 60, field: 'land-resources', legalBasis: '《中华人民共和国城乡规划法》', forTags: ['construction', 'manufacturing'] },
    { suffix: '04', name: '卫片执法图斑核查', duration: 30, field: 'land-resources', legalBasis: '《中华人民共和国土地管理法》', offsite: true },
  ],
};

/**
 * How strongly each kind of enterprise draws each department (relative weights). Every
 * enterprise also gets {@link COMMON_WEIGHTS}: tax, labour, fire and market supervision reach
 * every kind of business.
 */
export const COMMON_WEIGHTS: Partial<Record<DepartmentId, number>> = { TAX: 0.5, HRSS: 0.35, FIRE: 0.45, SAMR: 0.4 };

export const TAG_WEIGHTS: Record<Tag, Partial<Record<DepartmentId, number>>> = {
  catering: { SAMR: 1.4, FIRE: 0.7, ENV: 0.25, HOUSING: 0.3, HEALTH: 0.15 },
  retail: { SAMR: 1.3, FIRE: 0.5, AGRI: 0.05 },
  manufacturing: { EMERG: 1.1, ENV: 0.9, SAMR: 0.6, HRSS: 0.4, HEALTH: 0.35, NATRES: 0.15 },
  'hazardous-chemicals': { EMERG: 1.5, ENV: 1.1, FIRE: 0.9, TRANS: 0.5, SAMR: 0.4, HEALTH: 0.3 },
  construction: { HOUSING: 1.4, HRSS: 0.7, ENV: 0.5, EMERG: 0.3, NATRES: 0.35 },
  transport: { TRANS: 1.4, EMERG: 0.4, FIRE: 0.3 },
  healthcare: { HEALTH: 1.4, SAMR: 0.6, ENV: 0.3, FIRE: 0.4 },
  pharmacy: { SAMR: 1.4, HEALTH: 0.2 },
  hotel: { HEALTH: 0.9, FIRE: 0.9, CULTURE: 0.6, SAMR: 0.5 },
  entertainment: { CULTURE: 1.3, FIRE: 0.9, HEALTH: 0.4 },
  agriculture: { AGRI: 1.4, NATRES: 0.4, ENV: 0.3, SAMR: 0.2 },
  mining: { NATRES: 1.3, EMERG: 1.3, ENV: 0.7 },
};

/** The industry regulator (行业主管部门) of each kind of enterprise. */
export const LEAD_BY_TAG: Record<Tag, DepartmentId> = {
  catering: 'SAMR',
  retail: 'SAMR',
  manufacturing: 'EMERG',
  'hazardous-chemicals': 'EMERG',
  construction: 'HOUSING',
  transport: 'TRANS',
  healthcare: 'HEALTH',
  pharmacy: 'SAMR',
  hotel: 'CULTURE',
  entertainment: 'CULTURE',
  agriculture: 'AGRI',
  mining: 'NATRES',
};

/** Share of primary tags, in urban districts and in counties. */
export const TAG_SHARE: Record<Tag, [urban: number, county: number]> = {
  catering: [24, 17],
  retail: [24, 17],
  manufacturing: [15, 19],
  'hazardous-chemicals': [3, 5],
  construction: [7, 7],
  transport: [5, 5],
  healthcare: [4, 3],
  pharmacy: [4, 3],
  hotel: [4, 2],
  entertainment: [4, 2],
  agriculture: [0.5, 13],
  mining: [0, 2],
};

/** A second tag some enterprises carry, by primary tag: [tag, probability]. */
export const SECOND_TAG: Partial<Record<Tag, [Tag, number]>> = {
  hotel: ['catering', 0.6],
  manufacturing: ['hazardous-chemicals', 0.12],
  'hazardous-chemicals': ['manufacturing', 0.5],
  retail: ['catering', 0.08],
  transport: ['hazardous-chemicals', 0.1],
  agriculture: ['retail', 0.1],
  healthcare: ['pharmacy', 0.15],
};

/** Words for company names, by tag. */
export const INDUSTRY_WORDS: Record<Tag, string[]> = {
  catering: ['餐饮管理', '餐饮服务', '食品'],
  retail: ['商贸', '超市', '百货'],
  manufacturing: ['机械制造', '纺织', '电池', '起重机械', '食品加工', '新材料'],
  'hazardous-chemicals': ['化工', '精细化工', '石化销售'],
  construction: ['建筑工程', '建设工程', '建材'],
  transport: ['物流', '运输', '客运'],
  healthcare: ['医疗管理', '口腔门诊部', '健康服务'],
  pharmacy: ['大药房', '医药连锁'],
  hotel: ['酒店管理', '宾馆'],
  entertainment: ['文化娱乐', '文化传媒', '网络科技'],
  agriculture: ['农业科技', '种业', '农资', '养殖'],
  mining: ['矿业', '石料'],
};

export const QUALIFICATIONS = ['hazmat', 'special-equipment', 'occupational-health', 'construction-safety', 'mining-safety'] as const;
