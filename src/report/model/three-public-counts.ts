import type { BasicExpenditure } from '../../domain/dataset/schema.js';

type ThreePublic = NonNullable<BasicExpenditure['threePublic']>;

/** Two counts as one phrase: "国内公务接待22批次、180人次"; either alone; '' when neither is stated. */
function pair(
  prefix: string,
  first: number | undefined,
  firstUnit: string,
  second: number | undefined,
  secondUnit: string,
) {
  const parts = [
    ...(first === undefined ? [] : [`${first}${firstUnit}`]),
    ...(second === undefined ? [] : [`${second}${secondUnit}`]),
  ];
  return parts.length === 0 ? '' : `${prefix}${parts.join('、')}`;
}

/** 三公 counts the document states, by item (never a count it does not state). */
export function threePublicCounts(threePublic: ThreePublic): {
  overseasTravel: string;
  vehicle: string;
  reception: string;
} {
  const vehicles = [
    ...(threePublic.vehiclesPurchased === undefined ? [] : [`本年购置公务用车${threePublic.vehiclesPurchased}辆`]),
    ...(threePublic.vehicleCount === undefined ? [] : [`公务用车保有量${threePublic.vehicleCount}辆`]),
  ];
  return {
    overseasTravel: pair('因公出国（境）', threePublic.overseasGroups, '个团组', threePublic.overseasPersons, '人次'),
    vehicle: vehicles.join('，'),
    reception: pair('国内公务接待', threePublic.receptionBatches, '批次', threePublic.receptionVisitors, '人次'),
  };
}

/** "公务用车保有量3辆；国内公务接待22批次、180人次" — every stated count, '' when there is none. */
export function threePublicCountsSentence(threePublic: ThreePublic | undefined): string {
  if (threePublic === undefined) return '';
  const counts = threePublicCounts(threePublic);
  return [counts.overseasTravel, counts.vehicle, counts.reception].filter((t) => t !== '').join('；');
}
