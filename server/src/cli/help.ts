// The help texts, one per topic.

export const MAIN_HELP = `Usage: promptward <command> [options]

Finds unsafe use of large language models in TypeScript and JavaScript.

Commands:
  scan [paths...]   Analyse files and folders (default: the current folder)
  lsp --stdio       Run the language server for editors (also --node-ipc, --socket=PORT)
  threat-model [paths...]
                    Derive the AI threat model from the code (--format json|markdown|html)

Options:
  -h, --help        Show this help (promptward scan --help for the scan options)
  --version         Print the version
`;

export const SCAN_HELP = `Usage: promptward scan [paths...] [options]

Analyses the given files and folders (default: the current folder) and reports findings.

Report:
  --format text|json|sarif|github
                            Report format (default: text). json: docs/json-format.md; sarif: SARIF 2.1.0
                            for code scanning; github: workflow annotations for GitHub Actions
  --output FILE             Write the report to FILE instead of standard output
  --quiet                   Report only findings of severity error (the others neither show nor count)
  --no-color                Do not colour the text report (also: NO_COLOR=1)

Fixing:
  --fix                     Apply the safe fixes (keys read from the environment, output-token caps, ...)
                            to the files, then report what is left

Configuration:
  --config FILE             Use this config file (.promptward.yaml, or a package.json with a "promptward"
                            key) instead of looking for one from the scanned folder up to the repository root
  --no-config               Use no config file: the documented defaults
  --report-unused-ignores   Report promptward-ignore comments that suppress nothing (rule unused-ignore)

Adoption:
  --baseline FILE           Report only findings whose fingerprint FILE does not hold
  --write-baseline FILE     Write the findings of this scan (suppressed ones excepted) to FILE as a baseline
  --severity-threshold error|warning|info
                            Lowest severity that fails the scan (default: error)
  --max-warnings N          Also fail the scan when more than N warnings are reported

  -h, --help                Show this help

Exit codes:
  0  no reported finding fails the scan
  1  a reported finding fails the scan: one of severity --severity-threshold or higher (default: error),
     or more than --max-warnings warnings. Reported means: not suppressed by a promptward-ignore comment,
     not in the --baseline, not a rule the config turns off, and (with --quiet) of severity error.
     --write-baseline does not change the exit code.
  2  bad usage, an unreadable path or baseline, a bad config file (reported as file:line:col: message),
     or an internal error
`;
