import type { Rng } from './rng.ts';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢陆汪范金顾钱严'];
const GIVEN = [...'建国华明英秀兰玉芳珍伟强军平红梅丽娟敏静海林德福根宝凤霞云荣慧琴'];

/** A made-up Chinese name: never a real resident's. */
export function syntheticName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/**
 * A made-up phone number starting 100: no Chinese mobile number does, so a
 * synthetic register can never dial a real person.
 */
export function syntheticPhone(serial: number): string {
  return `100${String(serial).padStart(8, '0')}`;
}
