/**
 * End to end: `validate` over a template whose quoted scalars continue left
 * of their keys (the layout of a real CloudFormation template that the
 * reference loads), once through the fast scanner and once, with a block
 * scalar added, through the full route. The expected files are what
 * cfn-guard 3.1.1 printed, with the fixture's directory replaced by <DIR>.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runCliIn } from '../../support/run-cli.js';

const dirUrl = new URL('./fixtures/multiline-quoted/', import.meta.url);
const dir = fileURLToPath(dirUrl).replace(/\/$/, '');

test.each([
  ['template', 'single-line-summary'],
  ['template', 'json'],
  ['template-block', 'single-line-summary'],
  ['template-block', 'json'],
])('%s.yaml, -o %s', async (template, format) => {
  const run = await runCliIn(dir, [
    'validate',
    '-r',
    'rules.guard',
    '-d',
    `${template}.yaml`,
    '-o',
    format,
  ]);
  const expected = readFileSync(new URL(`${template}.${format}.expected`, dirUrl), 'utf8');
  expect(run.exit).toBe(19);
  expect(run.stdout.replaceAll(dir, '<DIR>') + run.stderr).toBe(expected);
});
