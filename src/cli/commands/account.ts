// `sanxiang account …`: the console's account commands (src/server/accounts/console.ts). A temporary password
// is printed here and nowhere else; the holder must change it at the next login.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { openStore, storeOptionsFromEnv } from '../../store/index.js';
import {
  AccountError,
  createAdmin,
  isAdminRole,
  resetAccount,
  type IssuedPassword,
} from '../../server/accounts/console.js';
import { ADMIN_ROLES } from '../../server/roles.js';
import { CliError } from '../errors.js';

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

async function withAccounts<T>(program: Command, fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>) {
  const dataDir = program.opts<{ data: string }>().data;
  let store;
  try {
    store = await openStore(storeOptionsFromEnv(dataDir));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  try {
    return await fn(store);
  } catch (e) {
    if (e instanceof AccountError) throw new CliError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}

function printIssued(r: IssuedPassword): void {
  process.stdout.write(
    `账号 account ${r.user.username}（${r.user.role}）\n` +
      `临时密码 temporary password: ${r.temporaryPassword}\n` +
      '请当面交给账号本人；首次登录须修改密码 (hand it to the holder in person; it must be changed at the next login)\n',
  );
}

export function registerAccountCommands(program: Command): void {
  const account = program.command('account').description('账号（在服务器上操作）accounts, at the server console');
  account
    .command('reset')
    .alias('reset-admin')
    .argument('<username>', '用户名 username')
    .option('--totp', '同时停用动态验证码（手机丢失时）also switch off the second factor (a lost phone)')
    .description(
      '重置任一账号（含管理员）的密码：结束其会话、解除锁定，临时密码只显示在此 ' +
        '(reset any account, administrators included; the temporary password is shown here only)',
    )
    .action(async (username: string, o: { totp?: boolean }) => {
      const r = await withAccounts(program, (store) =>
        resetAccount(store, username, { operator: operator(), resetTotp: !!o.totp }),
      );
      printIssued(r);
    });
  account
    .command('create-admin')
    .argument('<username>', '用户名 username')
    .requiredOption('--role <role>', `管理员角色 administrator role: ${ADMIN_ROLES.join(' | ')}`)
    .option('--display-name <name>', '姓名 display name')
    .description('新建管理员账号（三员只在此创建）create an administrator account (only here)')
    .action(async (username: string, o: { role: string; displayName?: string }) => {
      if (!isAdminRole(o.role)) throw new CliError(`--role 应为 ${ADMIN_ROLES.join(' | ')} (got ${o.role})`);
      if (!/^[A-Za-z0-9_.-]{3,40}$/.test(username))
        throw new CliError('用户名应为 3–40 位字母、数字或 _ . - (username: 3–40 letters, digits, _ . -)');
      const role = o.role;
      const r = await withAccounts(program, (store) =>
        createAdmin(store, { username, displayName: o.displayName ?? username, role }, { operator: operator() }),
      );
      printIssued(r);
    });
}
