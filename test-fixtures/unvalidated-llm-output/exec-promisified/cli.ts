// CLI that runs the command returned by ./lib/suggest through util.promisify(exec).
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { suggestCommand } from './lib/suggest';

const execAsync = promisify(exec);

async function main() {
  const goal = process.argv.slice(2).join(' ');
  const command = await suggestCommand(goal);
  console.log(`$ ${command}`);
  // expect: unvalidated-llm-output
  const { stdout } = await execAsync(command);
  process.stdout.write(stdout);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
