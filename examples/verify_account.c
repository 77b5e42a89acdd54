/* Checks that an account is reachable and that the API key is its master key.
 *
 *   CARTO_API_URL=https://USER.carto.com/ CARTO_API_KEY=... ./verify_account
 */
#include <carto_import.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *url = getenv("CARTO_API_URL"), *key = getenv("CARTO_API_KEY");
  if (!url || !key) {
    fprintf(stderr, "set CARTO_API_URL and CARTO_API_KEY\n");
    return 2;
  }
  carto_import_options *opts = NULL;
  carto_import_client *client = NULL;
  if (carto_import_options_new(&opts) != 0 || carto_import_options_set_base_url(opts, url) != 0 ||
      carto_import_options_set_api_key(opts, key) != 0 ||
      carto_import_client_new(&client, opts) != 0 || carto_import_client_verify(client) != 0) {
    fprintf(stderr, "error %d (%s): %s\n", carto_import_last_error_code(),
            carto_import_strerror(carto_import_last_error_code()),
            carto_import_last_error_message());
    carto_import_options_free(opts);
    carto_import_client_free(client);
    return 1;
  }
  printf("libcarto_import %s: the key is the master key of '%s' at %s\n", carto_import_version(),
         carto_import_client_username(client), carto_import_client_base_url(client));
  carto_import_options_free(opts);
  carto_import_client_free(client);
  return 0;
}
