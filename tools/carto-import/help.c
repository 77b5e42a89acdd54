/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* --help texts and the man page, both printed from the tables of commands.c. */
#include <string.h>

#include "cli.h"

#define WIDTH 80
#define OPTION_COLUMN 30

/* ---- --help --------------------------------------------------------------------------------- */

/* Prints text word-wrapped to WIDTH, its lines indented; the cursor is at column (padded to
 * the indent when less). A blank line separates paragraphs. */
static void wrap(FILE *f, const char *text, int indent, int column) {
  int fresh = 1; /* no word on this line yet */
  if (column < indent) fprintf(f, "%*s", indent - column, "");
  column = indent;
  for (const char *p = text; *p;) {
    if (*p == '\n') {
      p += strspn(p, "\n");
      column = fprintf(f, "\n\n%*s", indent, "") - 2;
      fresh = 1;
      continue;
    }
    const int word = (int)strcspn(p, " \n");
    if (!fresh && column + 1 + word > WIDTH) {
      column = fprintf(f, "\n%*s", indent, "") - 1;
      fresh = 1;
    }
    column += fprintf(f, "%s%.*s", fresh ? "" : " ", word, p);
    fresh = 0;
    p += word;
    p += strspn(p, " ");
  }
  fputc('\n', f);
}

static void print_options(FILE *f, const cli_option *opts) {
  for (; opts && opts->name; ++opts) {
    const int column = fprintf(f, "  --%s%s%s", opts->name, opts->metavar ? " " : "",
                               opts->metavar ? opts->metavar : "");
    if (column >= OPTION_COLUMN) fputc('\n', f);
    wrap(f, opts->help, OPTION_COLUMN, column >= OPTION_COLUMN ? 0 : column);
  }
}

static void print_command_list(FILE *f, const char *group) {
  const size_t len = group ? strlen(group) : 0;
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c) {
    const cli_command *cmd = &CLI_COMMANDS[c];
    if (group && !(strncmp(cmd->name, group, len) == 0 && cmd->name[len] == ' ')) continue;
    wrap(f, cmd->summary, OPTION_COLUMN, fprintf(f, "  %s", cmd->name));
  }
}

int cli_help_main(FILE *f) {
  fprintf(f, "Usage: " CLI_PROG " [GLOBAL OPTIONS] COMMAND [ARGS]\n\n");
  wrap(f, CLI_DESCRIPTION, 0, 0);
  fprintf(f, "\nCommands:\n");
  print_command_list(f, NULL);
  fprintf(f, "\nGlobal options (before or after the command):\n");
  print_options(f, CLI_GLOBAL_OPTIONS);
  fprintf(f, "\nEnvironment:\n");
  wrap(f, CLI_ENVIRONMENT, 2, 0);
  fprintf(f, "\nExit status:\n");
  for (size_t i = 0; i < CLI_EXIT_CODE_COUNT; ++i)
    wrap(f, CLI_EXIT_CODES[i].meaning, 7, fprintf(f, "  %3d  ", CLI_EXIT_CODES[i].exit));
  fprintf(f, "\nRun '" CLI_PROG " COMMAND --help' for a command's arguments and options.\n");
  return CLI_EXIT_OK;
}

int cli_help_group(FILE *f, const char *group) {
  fprintf(f, "Usage: " CLI_PROG " [GLOBAL OPTIONS] %s COMMAND [ARGS]\n\nCommands:\n", group);
  print_command_list(f, group);
  fprintf(f, "\nRun '" CLI_PROG " %s COMMAND --help' for a command's arguments and options.\n",
          group);
  return CLI_EXIT_OK;
}

int cli_help_command(FILE *f, const cli_command *cmd) {
  fprintf(f, "Usage: " CLI_PROG " %s%s%s\n\n", cmd->name,
          *cmd->synopsis ? " " : "", cmd->synopsis);
  wrap(f, cmd->description, 0, 0);
  if (cmd->options && cmd->options->name) {
    fprintf(f, "\nOptions:\n");
    print_options(f, cmd->options);
  }
  if (cmd->examples) {
    fprintf(f, "\nExample%s:\n", cmd->examples[1] ? "s" : "");
    for (const char *const *e = cmd->examples; *e; ++e) fprintf(f, "  %s\n", *e);
  }
  fprintf(f, "\nGlobal options and exit statuses: '" CLI_PROG " --help'.\n");
  return CLI_EXIT_OK;
}

/* ---- the man page --------------------------------------------------------------------------- */

/* Writes text for roff, on one line: backslashes escaped, a control character at the start
 * protected, and dashes as \- where they are minus signs: every dash of a word that starts
 * with one (an option), or every dash when all_dashes. */
static void roff_span(FILE *f, const char *text, int all_dashes) {
  int option = all_dashes;
  if (*text == '.' || *text == '\'') fputs("\\&", f);
  for (const char *p = text; *p; ++p) {
    if (*p == '-' && (p == text || strchr(" (|[", p[-1]))) option = 1;
    if (*p == ' ') option = all_dashes;
    if (*p == '\\')
      fputs("\\e", f);
    else if (*p == '-' && option)
      fputs("\\-", f);
    else
      fputc(*p, f);
  }
}

/* Writes paragraphs (separated by blank lines) as roff text. */
static void roff_paragraphs(FILE *f, const char *text) {
  char buf[2048];
  while (*text) {
    const size_t len = strcspn(text, "\n");
    snprintf(buf, sizeof buf, "%.*s", (int)len, text);
    roff_span(f, buf, 0);
    fputc('\n', f);
    text += len;
    if (*text) {
      text += strspn(text, "\n");
      if (*text) fputs(".PP\n", f);
    }
  }
}

static void man_options(FILE *f, const cli_option *opts) {
  for (; opts && opts->name; ++opts) {
    fputs(".TP\n\\fB", f);
    roff_span(f, "--", 1);
    roff_span(f, opts->name, 1);
    fputs("\\fR", f);
    if (opts->metavar) {
      fputs(" \\fI", f);
      roff_span(f, opts->metavar, 0);
      fputs("\\fR", f);
    }
    fputc('\n', f);
    roff_paragraphs(f, opts->help);
  }
}

void cli_man_page(FILE *f, const char *version) {
  fprintf(f, ".\\\" Generated by carto-import-mangen from tools/carto-import/commands.c.\n"
             ".\\\" Do not edit: change commands.c, then run 'ninja carto-import-man'.\n");
  fprintf(f, ".TH CARTO\\-IMPORT 1 \"\" \"carto\\-import %s\" \"User Commands\"\n", version);
  fputs(".SH NAME\ncarto\\-import \\- import data into CARTO; manage datasets, import jobs "
        "and sync tables\n",
        f);
  fputs(".SH SYNOPSIS\n\\fBcarto\\-import\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR "
        "[\\fIARGS\\fR]\n",
        f);
  fputs(".SH DESCRIPTION\n", f);
  roff_paragraphs(f, CLI_DESCRIPTION);
  fputs(".PP\nGlobal options may come before or after the command. Every command shows its "
        "arguments and options with \\fB\\-\\-help\\fR.\n",
        f);
  fputs(".SH GLOBAL OPTIONS\n", f);
  man_options(f, CLI_GLOBAL_OPTIONS);
  fputs(".SH COMMANDS\n", f);
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c) {
    const cli_command *cmd = &CLI_COMMANDS[c];
    fputs(".SS ", f);
    roff_span(f, cmd->name, 1);
    fputs("\n\\fBcarto\\-import ", f);
    roff_span(f, cmd->name, 1);
    fputs("\\fR ", f);
    roff_span(f, cmd->synopsis, 0);
    fputs("\n.PP\n", f);
    roff_paragraphs(f, cmd->description);
    if (cmd->options && cmd->options->name) man_options(f, cmd->options);
    if (cmd->examples) {
      fprintf(f, ".PP\nExample%s:\n.RS\n.nf\n", cmd->examples[1] ? "s" : "");
      for (const char *const *e = cmd->examples; *e; ++e) {
        roff_span(f, *e, 0);
        fputc('\n', f);
      }
      fputs(".fi\n.RE\n", f);
    }
  }
  fputs(".SH ENVIRONMENT\n", f);
  roff_paragraphs(f, CLI_ENVIRONMENT);
  fputs(".SH EXIT STATUS\n", f);
  for (size_t i = 0; i < CLI_EXIT_CODE_COUNT; ++i) {
    fprintf(f, ".TP\n.B %d\n", CLI_EXIT_CODES[i].exit);
    roff_paragraphs(f, CLI_EXIT_CODES[i].meaning);
  }
  fputs(".SH SEE ALSO\nThe libcarto_import documentation (docs/ in its sources), and the CARTO "
        "Import API reference.\n",
        f);
}
