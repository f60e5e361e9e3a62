// Numbers as specs write them: "2 million", "2M", "1,200,000", "40萬", "兩百萬", "300 ms", "1.5s".
import { CJK_DIGITS, CJK_UNITS, ENGLISH_MULTIPLIERS } from './vocabulary.js';

const SMALL_UNITS = new Set(['十', '百', '千']);

/** Parses a count with English or Chinese multipliers; undefined when it is not a number. */
export function parseCount(text: string): number | undefined {
  const compact = text.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  const english = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/i.exec(compact);
  if (english) {
    const multiplier = english[2] ? ENGLISH_MULTIPLIERS[english[2].toLowerCase()] : 1;
    return multiplier === undefined ? undefined : Math.round(Number(english[1]) * multiplier);
  }
  if (!/^[\d.\s零〇一二兩三四五六七八九十百千萬万億亿]+$/.test(compact)) return undefined;
  let total = 0;
  let section = 0;
  let current = 0;
  for (const token of compact.replace(/\s+/g, '').match(/\d+(?:\.\d+)?|./g) ?? []) {
    if (/^\d/.test(token)) current = Number(token);
    else if (token in CJK_DIGITS) current = CJK_DIGITS[token];
    else if (SMALL_UNITS.has(token)) {
      section += (current || 1) * CJK_UNITS[token];
      current = 0;
    } else if (token in CJK_UNITS) {
      const value = section + current || 1;
      // 億 scales everything before it; 萬 only the part since the last big unit.
      total = CJK_UNITS[token] >= 1e8 ? (total + value) * CJK_UNITS[token] : total + value * CJK_UNITS[token];
      section = 0;
      current = 0;
    } else return undefined;
  }
  return Math.round(total + section + current);
}

/** A row-count phrase in a sentence: "about 2 million rows", "40 million users", "約 40 萬筆". */
export const COUNT_PHRASE =
  /(\d+(?:\.\d+)?\s*[十百千萬万億亿]+|[零〇一二兩三四五六七八九十百千]+[萬万億亿]+|\d[\d,]*(?:\.\d+)?\s*(?:(?:thousand|million|billion|mm|bn|k|m|b)\b)?)\s*(?:\+\s*)?([A-Za-z_]+|筆|列|位|個|名|則|條|人)?/gi;

/** Milliseconds from "300 ms", "1s", "1.5 seconds", "300 毫秒", "2 秒". */
export function toMilliseconds(amount: string, unit: string): number | undefined {
  const value = Number(amount);
  if (!Number.isFinite(value)) return undefined;
  if (/^(?:ms|msec|millis|milliseconds?|毫秒|ミリ秒)$/i.test(unit)) return value;
  if (/^(?:s|sec|secs|seconds?|秒)$/i.test(unit)) return Math.round(value * 1000);
  if (/^(?:m|min|mins|minutes?|分鐘)$/i.test(unit)) return Math.round(value * 60_000);
  return undefined;
}
