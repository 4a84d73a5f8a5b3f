// The password rule as the server states it (src/server/accounts/password.ts passwordProblem): checked here only
// for quick feedback; the server's 400 reason is shown when it disagrees.
import type { FormRule } from 'antd';

export const MIN_PASSWORD_LENGTH = 10;
export const PASSWORD_HINT = `至少 ${MIN_PASSWORD_LENGTH} 位，且包含大写字母、小写字母、数字、符号中的至少三类`;

export function passwordOk(pw: string): boolean {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return [...pw].length >= MIN_PASSWORD_LENGTH && classes >= 3;
}

export const passwordRule = {
  validator: (_: unknown, v: string | undefined) =>
    !v || passwordOk(v) ? Promise.resolve() : Promise.reject(new Error('密码不符合复杂度要求')),
};

/** The 确认新密码 field's rules: required, and equal to the 新密码 field (`newPassword`). */
export const confirmPasswordRules: FormRule[] = [
  { required: true, message: '请再次输入新密码' },
  ({ getFieldValue }) => ({
    validator: (_, v) =>
      v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  }),
];
