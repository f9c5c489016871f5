// The help texts, one per topic.

export const MAIN_HELP = `Usage: promptward <command> [options]

Finds unsafe use of large language models in TypeScript and JavaScript.

Commands:
  scan [paths...]   Analyse files and folders (default: the current folder)

Options:
  -h, --help        Show this help (promptward scan --help for the scan options)
  --version         Print the version
`;

export const SCAN_HELP = `Usage: promptward scan [paths...] [options]

Analyses the given files and folders (default: the current folder) and reports findings.

Options:
  --format text|sarif   Report format (default: text)
  --output FILE         Write the report to FILE instead of standard output
  --no-color            Do not colour the text report (also: NO_COLOR=1)
  -h, --help            Show this help

Exit codes:
  0  no finding of severity error
  1  at least one finding of severity error
  2  bad usage, unreadable input, or an internal error
`;
