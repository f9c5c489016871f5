// Who we are, for --version and the SARIF tool.driver, read from package.json (inlined by the bundler).
import { repository, version } from '../../../package.json';

export const TOOL_NAME = 'Promptward';
export const TOOL_VERSION: string = version;
/** The project's home page, derived from package.json's repository URL. */
export const TOOL_URI: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
