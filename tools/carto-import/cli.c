/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The command line: parses it against CLI_COMMANDS and CLI_GLOBAL_OPTIONS, builds the client,
 * and runs the command. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *cli_opt(const cli_args *args, const char *name) {
  for (int i = 0; args->cmd->options[i].name; ++i)
    if (strcmp(args->cmd->options[i].name, name) == 0) return args->values[i];
  return NULL;
}

const char *const CLI_PRIVACY[] = {"public", "private", "link", NULL};

int cli_choice(const cli_ctx *ctx, const char *option, const char *value,
               const char *const *names) {
  for (int i = 0; names[i]; ++i)
    if (strcmp(names[i], value) == 0) return i;
  cli_usage_error(ctx, "--%s: '%s' is not one of %s, %s or %s", option, value, names[0],
                  names[1], names[2]);
  return -1;
}

long cli_seconds(const cli_ctx *ctx, const char *name, const char *value) {
  char *end = NULL;
  errno = 0;
  const long v = strtol(value, &end, 10);
  if (errno || end == value || *end || v < 0) {
    cli_usage_error(ctx, "%s wants a whole number of seconds, not '%s'", name, value);
    return -1;
  }
  return v;
}

static int option_index(const cli_option *opts, const char *name, size_t len) {
  for (int i = 0; opts && opts[i].name; ++i)
    if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0) return i;
  return -1;
}

static const char *global(const char *const *values, const char *name) {
  return values[option_index(CLI_GLOBAL_OPTIONS, name, strlen(name))];
}

/* Parses the option at argv[*i] ("--name", "--name=value" or "--name value") into the
 * command's values, or the global ones; returns 0, or 1 after a usage error. */
static int parse_option(cli_ctx *ctx, int argc, char **argv, int *i, const cli_option *opts,
                        const char **values, const char **globals) {
  const char *arg = argv[*i];
  static const char *const shorts[][2] = {{"-h", "--help"}, {"-V", "--version"},
                                          {"-v", "--verbose"}};
  for (size_t k = 0; k < sizeof shorts / sizeof shorts[0]; ++k)
    if (strcmp(arg, shorts[k][0]) == 0) arg = shorts[k][1];
  if (strncmp(arg, "--", 2) != 0) return cli_usage_error(ctx, "unknown option '%s'", arg);
  const char *name = arg + 2, *eq = strchr(name, '=');
  const size_t len = eq ? (size_t)(eq - name) : strlen(name);
  int k = option_index(opts, name, len);
  if (k < 0) {
    opts = CLI_GLOBAL_OPTIONS;
    values = globals;
    k = option_index(opts, name, len);
  }
  if (k < 0) return cli_usage_error(ctx, "unknown option '--%.*s'", (int)len, name);
  if (!opts[k].metavar) {
    if (eq) return cli_usage_error(ctx, "--%s takes no value", opts[k].name);
    values[k] = "";
    if (values == globals && strcmp(opts[k].name, "json") == 0) ctx->json = 1;
  } else if (eq) {
    values[k] = eq + 1;
  } else if (*i + 1 < argc) {
    values[k] = argv[++*i];
  } else {
    return cli_usage_error(ctx, "--%s needs a value (%s)", opts[k].name, opts[k].metavar);
  }
  return 0;
}

/* The command named by argv[i] (and argv[i + 1] for a group); *words says how many. */
static const cli_command *find_command(int argc, char **argv, int i, int *words) {
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c) {
    const char *name = CLI_COMMANDS[c].name, *space = strchr(name, ' ');
    if (!space && strcmp(name, argv[i]) == 0) {
      *words = 1;
      return &CLI_COMMANDS[c];
    }
    if (space && i + 1 < argc && strlen(argv[i]) == (size_t)(space - name) &&
        strncmp(name, argv[i], (size_t)(space - name)) == 0 && strcmp(space + 1, argv[i + 1]) == 0) {
      *words = 2;
      return &CLI_COMMANDS[c];
    }
  }
  return NULL;
}

static int is_group(const char *word) {
  const size_t len = strlen(word);
  for (size_t c = 0; c < CLI_COMMAND_COUNT; ++c)
    if (strncmp(CLI_COMMANDS[c].name, word, len) == 0 && CLI_COMMANDS[c].name[len] == ' ')
      return 1;
  return 0;
}

/* Whether --help or -h comes in argv[i..] before "--". */
static int asks_help(int argc, char **argv, int i) {
  for (; i < argc && strcmp(argv[i], "--") != 0; ++i)
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return 1;
  return 0;
}

/* --verbose: the library's line for each HTTP request, on a line of its own on stderr. */
static void cli_debug_line(const char *line, void *userdata) {
  (void)userdata;
  flockfile(stderr);
  fprintf(stderr, "%s* %s\n", isatty(STDERR_FILENO) ? "\r\033[K" : "", line);
  funlockfile(stderr);
}

carto_import_client *cli_client(cli_ctx *ctx, int *exit_status) {
  carto_import_options *opts = NULL;
  carto_import_client *client = NULL;
  if (ctx->client) return ctx->client;
  if (!ctx->url || !*ctx->url) {
    *exit_status = cli_usage_error(ctx, "no account URL: give --url URL or set CARTO_API_URL");
    return NULL;
  }
  if (!ctx->api_key || !*ctx->api_key) {
    *exit_status = cli_usage_error(ctx, "no API key: set CARTO_API_KEY (or give --api-key)");
    return NULL;
  }
  if (carto_import_options_new(&opts) != 0 ||
      carto_import_options_set_base_url(opts, ctx->url) != 0 ||
      carto_import_options_set_api_key(opts, ctx->api_key) != 0 ||
      carto_import_options_set_verify_tls(opts, !ctx->insecure) != 0 ||
      carto_import_options_set_allow_insecure_http(opts, ctx->insecure) != 0 ||
      (ctx->ca_bundle && carto_import_options_set_ca_bundle(opts, ctx->ca_bundle) != 0) ||
      (ctx->compression &&
       carto_import_options_set_upload_compression(opts, ctx->compression - 1) != 0) ||
      carto_import_options_set_user_agent_suffix(opts, CLI_PROG "/" CARTO_IMPORT_CLI_VERSION) != 0 ||
      (ctx->verbose && carto_import_options_set_debug_callback(opts, cli_debug_line, NULL) != 0) ||
      carto_import_client_new(&client, opts) != 0) {
    *exit_status = cli_fail(ctx, "setting up the connection");
  } else if (carto_import_client_verify(client) != 0) {
    /* Checked first: a wrong key would otherwise upload a whole file in vain, or list only
     * the public datasets. */
    *exit_status = cli_fail(ctx, "connecting to the account");
    carto_import_client_free(client);
    client = NULL;
  }
  carto_import_options_free(opts);
  return ctx->client = client;
}

/* cli_main() with room for the positional arguments (a shell glob may give thousands). */
static int run_command_line(int argc, char **argv, const char **positional) {
  cli_ctx ctx;
  const char *globals[CLI_MAX_OPTIONS] = {NULL};
  cli_args args;
  int i = 1, words = 0;
  memset(&ctx, 0, sizeof ctx);
  memset(&args, 0, sizeof args);
  args.positional = positional;

  for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; ++i)
    if (parse_option(&ctx, argc, argv, &i, NULL, NULL, globals) != 0) return CLI_EXIT_USAGE;
  if (i < argc && strcmp(argv[i], "--") == 0) ++i;
  if (global(globals, "version")) {
    printf(CLI_PROG " %s (libcarto_import %s)\n", CARTO_IMPORT_CLI_VERSION,
           carto_import_version());
    return 0;
  }
  const int help = global(globals, "help") || asks_help(argc, argv, i);
  if (i >= argc) {
    if (help) return cli_help_main(stdout);
    return cli_usage_error(&ctx, "missing command");
  }
  args.cmd = find_command(argc, argv, i, &words);
  if (!args.cmd) {
    if (!is_group(argv[i])) return cli_usage_error(&ctx, "unknown command '%s'", argv[i]);
    ctx.topic = argv[i];
    if (help && (i + 1 == argc || argv[i + 1][0] == '-'))
      return cli_help_group(stdout, argv[i]);
    if (i + 1 == argc || argv[i + 1][0] == '-')
      return cli_usage_error(&ctx, "missing %s command", argv[i]);
    return cli_usage_error(&ctx, "unknown command '%s %s'", argv[i], argv[i + 1]);
  }
  ctx.topic = args.cmd->name;
  if (help) return cli_help_command(stdout, args.cmd);

  int options_done = 0;
  for (i += words; i < argc; ++i) {
    if (!options_done && strcmp(argv[i], "--") == 0) {
      options_done = 1;
    } else if (!options_done && argv[i][0] == '-' && argv[i][1]) {
      if (parse_option(&ctx, argc, argv, &i, args.cmd->options, args.values, globals) != 0)
        return CLI_EXIT_USAGE;
    } else if (args.npositional >= args.cmd->max_args) {
      return cli_usage_error(&ctx, "unexpected argument '%s'", argv[i]);
    } else {
      args.positional[args.npositional++] = argv[i];
    }
  }
  if (args.npositional < args.cmd->min_args)
    return cli_usage_error(&ctx, "missing argument: " CLI_PROG " %s %s", args.cmd->name,
                           args.cmd->synopsis);

  ctx.url = global(globals, "url") ? global(globals, "url") : getenv("CARTO_API_URL");
  ctx.api_key = global(globals, "api-key") ? global(globals, "api-key") : getenv("CARTO_API_KEY");
  ctx.ca_bundle = global(globals, "ca-bundle");
  ctx.insecure = global(globals, "insecure") != NULL;
  ctx.quiet = global(globals, "quiet") != NULL;
  ctx.verbose = global(globals, "verbose") != NULL;
  ctx.timeout_s = 600;
  if (global(globals, "timeout") &&
      (ctx.timeout_s = cli_seconds(&ctx, "--timeout", global(globals, "timeout"))) < 0)
    return CLI_EXIT_USAGE;

  const int rc = args.cmd->run(&ctx, &args);
  carto_import_client_free(ctx.client);
  return rc;
}

int cli_main(int argc, char **argv) {
  const char **positional = calloc(argc > 0 ? (size_t)argc : 1, sizeof *positional);
  if (!positional) return cli_error(NULL, cli_exit_for_status(CARTO_IMPORT_ENOMEM), "out of memory");
  const int rc = run_command_line(argc, argv, positional);
  free(positional);
  return rc;
}
