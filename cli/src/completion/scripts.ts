import type { CompletionNode } from './command-tree.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * Bash and zsh share one idea: walk the words typed so far, keeping those that name a subcommand
 * of the path so far (values of flags are skipped because they name none), then offer the words of
 * that path. The table of words is generated from the command tree.
 */
function wordsFunction(nodes: CompletionNode[], globalFlags: string[]): string {
  const cases = nodes.map((node) => {
    const words = [...node.subcommands, ...node.flags.flatMap((flag) => [flag.long, ...(flag.short ? [flag.short] : [])]), ...globalFlags];
    return `    '${node.path}') echo '${[...new Set(words)].join(' ')}' ;;`;
  });
  return ['_cloudnexus_words() {', '  case "$1" in', ...cases, '  esac', '}'].join('\n');
}

function choiceCases(nodes: CompletionNode[]): string[] {
  const flags = new Map<string, readonly string[]>();
  for (const node of nodes) for (const flag of node.flags) if (flag.choices) {
    flags.set(flag.long, flag.choices);
    if (flag.short) flags.set(flag.short, flag.choices);
  }
  return [...flags].map(([flag, choices]) => `    ${flag}) echo '${choices.join(' ')}'; return ;;`);
}

function bash(nodes: CompletionNode[], globalFlags: string[]): string {
  return `# cloudnexus bash completion: eval "$(cloudnexus completion bash)" in ~/.bashrc
${wordsFunction(nodes, globalFlags)}
_cloudnexus_choices() {
  case "$1" in
${choiceCases(nodes).join('\n')}
  esac
}
_cloudnexus() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmdpath="" word i choices
  choices="$(_cloudnexus_choices "$prev")"
  if [[ -n "$choices" ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$choices" -- "$cur")
    return
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    [[ " $(_cloudnexus_words "$cmdpath") " == *" $word "* ]] && cmdpath="\${cmdpath:+$cmdpath }$word"
  done
  mapfile -t COMPREPLY < <(compgen -W "$(_cloudnexus_words "$cmdpath")" -- "$cur")
}
complete -F _cloudnexus cloudnexus
`;
}

function zsh(nodes: CompletionNode[], globalFlags: string[]): string {
  return `#compdef cloudnexus
# cloudnexus zsh completion: eval "$(cloudnexus completion zsh)" in ~/.zshrc (after compinit)
${wordsFunction(nodes, globalFlags)}
_cloudnexus_choices() {
  case "$1" in
${choiceCases(nodes).join('\n')}
  esac
}
_cloudnexus() {
  local cmdpath="" word i choices
  choices="$(_cloudnexus_choices "\${words[CURRENT-1]}")"
  if [[ -n "$choices" ]]; then
    compadd -- \${=choices}
    return
  fi
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ "$word" == -* ]] && continue
    [[ " $(_cloudnexus_words "$cmdpath") " == *" $word "* ]] && cmdpath="\${cmdpath:+$cmdpath }$word"
  done
  compadd -- \${=$(_cloudnexus_words "$cmdpath")}
}
compdef _cloudnexus cloudnexus
`;
}

/** Fish takes declarative rules, one per word, with descriptions shown beside the candidates. */
function fish(nodes: CompletionNode[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = ['# cloudnexus fish completion: cloudnexus completion fish > ~/.config/fish/completions/cloudnexus.fish'];
  const byPath = new Map(nodes.map((node) => [node.path, node]));
  for (const node of nodes) {
    const parts = node.path ? node.path.split(' ') : [];
    const seen = parts.map((part) => `__fish_seen_subcommand_from ${part}`);
    const here = node.path ? seen.join('; and ') : '__fish_use_subcommand';
    const nothingBelow = node.subcommands.length && node.path ? `; and not __fish_seen_subcommand_from ${node.subcommands.join(' ')}` : '';
    for (const sub of node.subcommands) {
      const description = byPath.get(node.path ? `${node.path} ${sub}` : sub)?.description ?? '';
      lines.push(`complete -c cloudnexus -f -n ${quote(here + nothingBelow)} -a ${sub} -d ${quote(description)}`);
    }
    for (const flag of node.flags) {
      const condition = node.path ? ` -n ${quote(here)}` : '';
      const short = flag.short ? ` -s ${flag.short.slice(1)}` : '';
      const value = flag.choices ? ` -x -a ${quote(flag.choices.join(' '))}` : flag.takesValue ? ' -r' : '';
      lines.push(`complete -c cloudnexus${condition}${short} -l ${flag.long.slice(2)}${value} -d ${quote(flag.description)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, nodes: CompletionNode[]): string {
  // The root's flags apply after any subcommand too, so every path offers them.
  const globalFlags = nodes[0]!.flags.flatMap((flag) => [flag.long, ...(flag.short ? [flag.short] : [])]);
  if (shell === 'bash') return bash(nodes, globalFlags);
  if (shell === 'zsh') return zsh(nodes, globalFlags);
  return fish(nodes);
}
