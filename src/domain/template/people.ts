/**
 * Believable customer identities: weighted common surnames, gender-consistent given names,
 * unique mainland mobile numbers, WeChat ids derived from the name, birthdays aged 18–65.
 */
import { addDays } from '../dates';
import type { Language } from '../model';
import type { Random } from '../random';
import { EN_FIRST, EN_SURNAMES, ZH_GIVEN, ZH_SURNAMES } from './content';
import type { Syllable } from './content';

export type Gender = 'male' | 'female';

export interface CustomerProfile {
  name: string;
  phone: string;
  wechat: string | null;
  gender: Gender;
  birthday: string | null;
  /** Index into the 'customers.source' choices (0 is a friend's referral). */
  source: number;
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];
const SOURCE_WEIGHTS = [20, 30, 15, 15, 10, 10];

function drawDigits(rnd: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rnd.int(0, 9));
  return s;
}

function drawZhName(rnd: Random, gender: Gender): { name: string; handle: string } {
  const surname = rnd.weighted(
    ZH_SURNAMES,
    ZH_SURNAMES.map((s) => s[2]),
  );
  const own = ZH_GIVEN[gender];
  const parts: Syllable[] = rnd.chance(0.35)
    ? [rnd.pick(own)]
    : [rnd.pick(rnd.chance(0.4) ? ZH_GIVEN.neutral : own), rnd.pick(own)];
  return {
    name: surname[0] + parts.map((p) => p[0]).join(''),
    handle: surname[1] + parts.map((p) => p[1]).join(''),
  };
}

function drawEnName(rnd: Random, gender: Gender): { name: string; handle: string } {
  const first = rnd.pick(EN_FIRST[gender]);
  const last = rnd.pick(EN_SURNAMES);
  return { name: `${first} ${last}`, handle: `${first}_${last}`.toLowerCase() };
}

function drawWechat(
  rnd: Random,
  handle: string,
  phone: string,
  birthYear: number | null,
): string | null {
  const roll = rnd.next();
  if (roll < 0.15) return null;
  if (roll < 0.35) return phone;
  if (roll < 0.55) return `wxid_${rnd.int(1e9, 9e9).toString(36)}`;
  const suffix = birthYear !== null && rnd.chance(0.5) ? String(birthYear) : drawDigits(rnd, 2);
  return `${handle}${suffix}`;
}

function drawBirthday(rnd: Random, asOf: string): string | null {
  if (rnd.chance(0.15)) return null;
  const age = Math.min(64, Math.max(18, Math.round(34 + rnd.normal() * 10)));
  // ceil(age·365.25) + 1 days back is past the `age`-th birthday whatever the leap years; up to
  // 360 more keeps it before the next one, so the age at asOf is exactly `age`.
  return addDays(asOf, -(Math.ceil(age * 365.25) + 1 + rnd.int(0, 360)));
}

/** `count` distinct customers (names and phone numbers unique within the set). */
export function drawProfiles(
  rnd: Random,
  count: number,
  language: Language,
  asOf: string,
): CustomerProfile[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const profiles: CustomerProfile[] = [];
  let retries = 0;
  while (profiles.length < count) {
    const gender: Gender = rnd.chance(0.62) ? 'female' : 'male';
    const drawn = language === 'zh-CN' ? drawZhName(rnd, gender) : drawEnName(rnd, gender);
    const phone = rnd.pick(MOBILE_PREFIXES) + drawDigits(rnd, 8);
    // Names stay unique while the pools allow it; a large request may repeat a name.
    const repeatedName = names.has(drawn.name) && retries < 20;
    if (repeatedName || phones.has(phone)) {
      retries += 1;
      continue;
    }
    retries = 0;
    names.add(drawn.name);
    phones.add(phone);
    const birthday = drawBirthday(rnd, asOf);
    const birthYear = birthday ? Number(birthday.slice(0, 4)) : null;
    profiles.push({
      name: drawn.name,
      phone,
      wechat: drawWechat(rnd, drawn.handle, phone, birthYear),
      gender,
      birthday,
      source: rnd.weighted([0, 1, 2, 3, 4, 5], SOURCE_WEIGHTS),
    });
  }
  return profiles;
}
