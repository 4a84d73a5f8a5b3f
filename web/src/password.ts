// The password rule as the server states it (src/server/accounts/password.ts passwordProblem): checked here only
// for quick feedback; the server's 400 reason is shown when it disagrees.
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
