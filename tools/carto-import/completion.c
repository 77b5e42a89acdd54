/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto-import completion bash|zsh: a completion script made from CLI_COMMANDS and
 * CLI_GLOBAL_OPTIONS, so that it always knows the commands and options --help shows. zsh
 * loads the bash script through bashcompinit. */
#include <string.h>

#include "cli.h"

/* Writes the options of opts as "--a --b" (with a leading space). */
static void option_words(FILE *f, const cli_option *opts) {
  for (int i = 0; opts && opts[i].name; ++i) fprintf(f, " --%s", opts[i].name);
}

/* Whether option `name` with a value comes before (command c, option i) in the tables, the
 * global options first: each is then written once. */
static int seen_before(size_t c, int i, const char *name) {
  for (size_t d = 0; d <= c; ++d) {
    const cli_option *opts = d == 0 ? CLI_GLOBAL_OPTIONS : CLI_COMMANDS[d - 1].options;
    for (int k = 0; opts && opts[k].name && (d < c || k < i); ++k)
      if (opts[k].metavar && strcmp(opts[k].name, name) == 0) return 1;
  }
  return 0;
}

/* Calls arm(f, option, first) once for each option that takes a value, global ones first;
 * first is set for the first call. */
static void each_valued_option(FILE *f, void (*arm)(FILE *, const cli_option *, int)) {
  int first = 1;
  for (size_t c = 0; c <= CLI_COMMAND_COUNT; ++c) {
    const cli_option *opts = c == 0 ? CLI_GLOBAL_OPTIONS : CLI_COMMANDS[c - 1].options;
    for (int i = 0; opts && opts[i].name; ++i)
      if (opts[i].metavar && !seen_before(c, i, opts[i].name)) {
        arm(f, &opts[i], first);
        first = 0;
      }
  }
}

/* The case arm that completes an option's value: its choices for a metavar "a|b|c", files
 * for FILE or PATH, nothing otherwise. */
static void value_arm(FILE *f, const cli_option *o, int first) {
  (void)first;
  if (strchr(o->metavar, '|')) {
    fprintf(f, "    --%s) COMPREPLY=($(compgen -W \"", o->name);
    for (const char *c = o->metavar; *c; ++c) fputc(*c == '|' ? ' ' : *c, f);
    fputs("\" -- \"$cur\")); return ;;\n", f);
  } else if (strstr(o->metavar, "FILE") || strstr(o->metavar, "PATH")) {
    fprintf(f, "    --%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", o->name);
  } else {
    fprintf(f, "    --%s) return ;;\n", o->name);
  }
}

/* One more pattern ("--name", '|'-separated) of the options whose value the word loop skips. */
static void skip_pattern(FILE *f, const cli_option *o, int first) {
  fprintf(f, "%s--%s", first ? "      " : "|", o->name);
}

/* The first words of the commands (each once): "import connector datasets ...". */
static void first_words(FILE *f) {
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c) {
    const char *name = CLI_COMMANDS[c].name;
    const size_t len = strcspn(name, " ");
    int seen = 0;
    for (size_t d = 0; d < c && !seen; ++d)
      seen = strncmp(CLI_COMMANDS[d].name, name, len) == 0 &&
             strcspn(CLI_COMMANDS[d].name, " ") == len;
    if (!seen) fprintf(f, " %.*s", (int)len, name);
  }
}

static void bash_script(FILE *f) {
  fputs("# bash completion for " CLI_PROG ", made by '" CLI_PROG " completion bash'\n"
        "_carto_import() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} i words=\"\"\n"
        "  COMPREPLY=()\n"
        "  case $prev in\n", f);
  each_valued_option(f, value_arm);
  fputs("  esac\n"
        "  # the command's words typed so far, past the options and their values\n"
        "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "    case ${COMP_WORDS[i]} in\n", f);
  each_valued_option(f, skip_pattern);
  fputs(") ((i++)) ;;\n"
        "      -*) ;;\n"
        "      *) words=\"${words:+$words }${COMP_WORDS[i]}\" ;;\n"
        "    esac\n"
        "  done\n"
        "  local globals=\"", f);
  option_words(f, CLI_GLOBAL_OPTIONS);
  fputs(" -h -V -v\" options=\"\"\n"
        "  case $words in\n"
        "    \"\") COMPREPLY=($(compgen -W \"", f);
  first_words(f);
  fputs(" $globals\" -- \"$cur\")); return ;;\n", f);
  /* groups: their second words */
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c) {
    const char *name = CLI_COMMANDS[c].name, *space = strchr(name, ' ');
    const size_t group = space ? (size_t)(space - name) + 1 : 0; /* "datasets " */
    if (!space || (c > 0 && strncmp(CLI_COMMANDS[c - 1].name, name, group) == 0)) continue;
    fprintf(f, "    %.*s) COMPREPLY=($(compgen -W \"", (int)(space - name), name);
    for (size_t d = c; d < CLI_COMMAND_COUNT && strncmp(CLI_COMMANDS[d].name, name, group) == 0;
         ++d)
      fprintf(f, " %s", CLI_COMMANDS[d].name + group);
    fputs("\" -- \"$cur\")); return ;;\n", f);
  }
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c) {
    fprintf(f, "    \"%s\"|\"%s \"*) options=\"", CLI_COMMANDS[c].name, CLI_COMMANDS[c].name);
    option_words(f, CLI_COMMANDS[c].options);
    fputs("\" ;;\n", f);
  }
  fputs("  esac\n"
        "  if [[ $cur == -* ]]; then\n"
        "    COMPREPLY=($(compgen -W \"$options $globals\" -- \"$cur\"))\n"
        "  elif [[ $words == completion ]]; then\n"
        "    COMPREPLY=($(compgen -W \"bash zsh\" -- \"$cur\"))\n"
        "  else\n"
        "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        "  fi\n"
        "}\n"
        "complete -o filenames -F _carto_import " CLI_PROG "\n", f);
}

int cli_completion_script(FILE *f, const char *shell) {
  if (strcmp(shell, "zsh") == 0) {
    fputs("# zsh completion for " CLI_PROG ", made by '" CLI_PROG " completion zsh': load it "
          "with\n#   source <(" CLI_PROG " completion zsh)\n"
          "autoload -U +X bashcompinit && bashcompinit\n", f);
  } else if (strcmp(shell, "bash") != 0) {
    return -1;
  }
  bash_script(f);
  return CLI_EXIT_OK;
}

int cmd_completion(cli_ctx *ctx, const cli_args *args) {
  if (cli_completion_script(stdout, args->positional[0]) != 0)
    return cli_usage_error(ctx, "completion: '%s' is not bash or zsh", args->positional[0]);
  return CLI_EXIT_OK;
}
