/**
 * Administrative areas of the generated scenarios, modelled on Xinxiang (新乡市, Henan), the
 * prefecture-level city of domain.md. Centres are approximate (to ~0.05°); `weight` is a
 * relative share of enterprises (urban districts are denser).
 */
export interface AreaDef {
  code: string;
  name: string;
  lat: number;
  lng: number;
  /** Standard deviation of the enterprise scatter around the centre, in degrees. */
  spread: number;
  weight: number;
  urban: boolean;
}

/** The 12 county-level divisions of Xinxiang (4 districts, 5 counties, 3 county-level cities). */
export const XINXIANG_AREAS: AreaDef[] = [
  { code: '410702', name: '红旗区', lat: 35.303, lng: 113.875, spread: 0.02, weight: 1.6, urban: true },
  { code: '410703', name: '卫滨区', lat: 35.302, lng: 113.843, spread: 0.015, weight: 1.0, urban: true },
  { code: '410704', name: '凤泉区', lat: 35.384, lng: 113.906, spread: 0.02, weight: 0.6, urban: true },
  { code: '410711', name: '牧野区', lat: 35.315, lng: 113.909, spread: 0.015, weight: 1.2, urban: true },
  { code: '410721', name: '新乡县', lat: 35.191, lng: 113.806, spread: 0.05, weight: 0.9, urban: false },
  { code: '410724', name: '获嘉县', lat: 35.259, lng: 113.657, spread: 0.05, weight: 0.7, urban: false },
  { code: '410725', name: '原阳县', lat: 35.065, lng: 113.94, spread: 0.06, weight: 0.8, urban: false },
  { code: '410726', name: '延津县', lat: 35.142, lng: 114.205, spread: 0.06, weight: 0.7, urban: false },
  { code: '410727', name: '封丘县', lat: 35.041, lng: 114.418, spread: 0.06, weight: 0.7, urban: false },
  { code: '410781', name: '卫辉市', lat: 35.398, lng: 114.065, spread: 0.05, weight: 0.8, urban: false },
  { code: '410782', name: '辉县市', lat: 35.462, lng: 113.806, spread: 0.07, weight: 1.0, urban: false },
  { code: '410783', name: '长垣市', lat: 35.201, lng: 114.669, spread: 0.05, weight: 1.1, urban: false },
];

/**
 * The demo tier is one urban district (红旗区) split into four sub-district areas
 * (街道, 9-digit codes below the district's 410702). Codes are illustrative.
 */
export const HONGQI_STREETS: AreaDef[] = [
  { code: '410702001', name: '西街街道', lat: 35.296, lng: 113.862, spread: 0.006, weight: 1.2, urban: true },
  { code: '410702002', name: '东街街道', lat: 35.301, lng: 113.884, spread: 0.006, weight: 1.0, urban: true },
  { code: '410702003', name: '渠东街道', lat: 35.309, lng: 113.897, spread: 0.007, weight: 0.9, urban: true },
  { code: '410702004', name: '文化街街道', lat: 35.289, lng: 113.879, spread: 0.006, weight: 1.1, urban: true },
];
