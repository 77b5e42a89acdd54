/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Datasets end to end: get by id and name, edit and save, delete (refused when maps depend on
 * the dataset, forced), and what a deleted dataset looks like. */
#include "it_support.h"

/* Imports a small CSV `name`.csv (optionally with a map) and returns its dataset. */
static carto_import_dataset *import_one(it_fixture *fx, const char *name, int create_vis) {
  char file[64];
  snprintf(file, sizeof file, "%s.csv", name);
  char *path = it_write_csv(fx->dir, file, 6);
  carto_import_params *params = NULL;
  assert_ok(carto_import_params_new(&params));
  assert_ok(carto_import_params_set_create_vis(params, create_vis));
  carto_import_dataset_list *list = NULL;
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_dataset_create(&list, fx->client, path, params, 60000, NULL, NULL));
  assert_int_equal(carto_import_dataset_list_count(list), 1);
  assert_ok(carto_import_dataset_list_get(&ds, list, 0));
  assert_str_eq(carto_import_dataset_get_string(ds, "name"), name);
  carto_import_dataset_list_free(list);
  carto_import_params_free(params);
  free(path);
  return ds;
}

static void test_get_by_id_and_by_name(void **state) {
  it_fixture *fx = *state;
  carto_import_dataset *imported = import_one(fx, "fetched", 0);
  char id[64];
  snprintf(id, sizeof id, "%s", carto_import_dataset_get_string(imported, "id"));
  carto_import_dataset *by_id = NULL, *by_name = NULL, *missing = NULL;

  assert_ok(carto_import_dataset_get(&by_id, fx->client, id));
  assert_ok(carto_import_dataset_get(&by_name, fx->client, "fetched"));
  assert_str_eq(carto_import_dataset_get_string(by_id, "id"), id);
  assert_str_eq(carto_import_dataset_get_string(by_name, "id"), id);
  assert_str_eq(carto_import_dataset_get_string(by_name, "name"), "fetched");
  assert_str_eq(carto_import_dataset_get_string(by_name, "table_name"), "fetched");
  assert_int_equal(carto_import_dataset_get_int(by_name, "row_count", -1), 6);
  assert_int_equal(carto_import_dataset_get_int(by_name, "dependent_visualizations_count", -1), 0);
  assert_int_equal(carto_import_dataset_privacy(by_name), CARTO_IMPORT_PRIVACY_PRIVATE);
  assert_contains(carto_import_dataset_json(by_id), id);

  assert_status(carto_import_dataset_get(&missing, fx->client, "no_such_dataset"),
                CARTO_IMPORT_ENOTFOUND);
  assert_int_equal(carto_import_last_error_http_status(), 404);
  assert_null(missing);
  assert_status(carto_import_dataset_get(&missing, fx->client, ""), CARTO_IMPORT_EINVAL);

  carto_import_dataset_free(by_id);
  carto_import_dataset_free(by_name);
  carto_import_dataset_free(imported);
}

/* Privacy, description and license set locally, saved, then seen by refresh and by a new get. */
static void test_edit_save_refresh(void **state) {
  it_fixture *fx = *state;
  carto_import_dataset *ds = import_one(fx, "edited", 0);
  assert_int_equal(carto_import_dataset_privacy(ds), CARTO_IMPORT_PRIVACY_PRIVATE);

  assert_ok(carto_import_dataset_set_string(ds, "privacy", "Public"));
  assert_ok(carto_import_dataset_set_string(ds, "description", "Places for the tests"));
  assert_ok(carto_import_dataset_set_string(ds, "license", "cc-by-4.0"));
  assert_status(carto_import_dataset_set_string(ds, "row_count", "3"), CARTO_IMPORT_EINVAL);
  assert_status(carto_import_dataset_set_string(ds, "privacy", "secret"), CARTO_IMPORT_EINVAL);
  /* Local only until saved. */
  carto_import_dataset *other = NULL;
  assert_ok(carto_import_dataset_get(&other, fx->client, "edited"));
  assert_int_equal(carto_import_dataset_privacy(other), CARTO_IMPORT_PRIVACY_PRIVATE);
  assert_null(carto_import_dataset_get_string(other, "description"));

  assert_ok(carto_import_dataset_save(ds));
  assert_int_equal(carto_import_dataset_privacy(ds), CARTO_IMPORT_PRIVACY_PUBLIC);
  assert_ok(carto_import_dataset_refresh(ds));
  assert_int_equal(carto_import_dataset_privacy(ds), CARTO_IMPORT_PRIVACY_PUBLIC);
  assert_str_eq(carto_import_dataset_get_string(ds, "description"), "Places for the tests");
  assert_str_eq(carto_import_dataset_get_string(ds, "license"), "cc-by-4.0");

  assert_ok(carto_import_dataset_refresh(other));
  assert_str_eq(carto_import_dataset_get_string(other, "privacy"), "PUBLIC");
  assert_str_eq(carto_import_dataset_get_string(other, "description"), "Places for the tests");
  assert_str_eq(carto_import_dataset_get_string(other, "license"), "cc-by-4.0");

  /* Unsaved changes are discarded by refresh. */
  assert_ok(carto_import_dataset_set_string(other, "description", "not saved"));
  assert_ok(carto_import_dataset_refresh(other));
  assert_str_eq(carto_import_dataset_get_string(other, "description"), "Places for the tests");

  carto_import_dataset_free(other);
  carto_import_dataset_free(ds);
}

/* A map made with create_vis depends on the dataset: delete refuses (EINUSE), force_delete
 * deletes, and the dataset is then gone (ENOTFOUND by id, by name, and on refresh). */
static void test_delete_in_use_then_force(void **state) {
  it_fixture *fx = *state;
  carto_import_dataset *ds = import_one(fx, "mapped", 1);
  char id[64];
  snprintf(id, sizeof id, "%s", carto_import_dataset_get_string(ds, "id"));
  assert_ok(carto_import_dataset_refresh(ds));
  assert_int_equal(carto_import_dataset_get_int(ds, "dependent_visualizations_count", -1), 1);

  assert_status(carto_import_dataset_delete(ds), CARTO_IMPORT_EINUSE);
  assert_contains(carto_import_last_error_message(), "1 dependent map");
  assert_int_equal(it_count_requests(fx->srv, "DELETE", "/api/v1/viz", NULL), 0);
  carto_import_dataset *still = NULL;
  assert_ok(carto_import_dataset_get(&still, fx->client, id));
  carto_import_dataset_free(still);

  assert_ok(carto_import_dataset_force_delete(ds));
  carto_import_dataset *gone = NULL;
  assert_status(carto_import_dataset_get(&gone, fx->client, id), CARTO_IMPORT_ENOTFOUND);
  assert_status(carto_import_dataset_get(&gone, fx->client, "mapped"), CARTO_IMPORT_ENOTFOUND);
  assert_null(gone);
  assert_status(carto_import_dataset_refresh(ds), CARTO_IMPORT_ENOTFOUND);
  assert_status(carto_import_dataset_force_delete(ds), CARTO_IMPORT_ENOTFOUND);

  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, fx->client));
  assert_int_equal(carto_import_dataset_list_count(all), 0);
  carto_import_dataset_list_free(all);
  carto_import_dataset_free(ds);
}

/* Without dependent maps, delete just deletes; the other datasets stay. */
static void test_delete_unused(void **state) {
  it_fixture *fx = *state;
  carto_import_dataset *a = import_one(fx, "kept", 0);
  carto_import_dataset *b = import_one(fx, "dropped", 0);
  assert_ok(carto_import_dataset_delete(b));
  carto_import_dataset *gone = NULL;
  assert_status(carto_import_dataset_get(&gone, fx->client, "dropped"), CARTO_IMPORT_ENOTFOUND);
  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, fx->client));
  assert_int_equal(carto_import_dataset_list_count(all), 1);
  carto_import_dataset *first = NULL;
  assert_ok(carto_import_dataset_list_get(&first, all, 0));
  assert_str_eq(carto_import_dataset_get_string(first, "name"), "kept");
  assert_status(carto_import_dataset_list_get(&gone, all, 1), CARTO_IMPORT_EINVAL);
  carto_import_dataset_free(first);
  carto_import_dataset_list_free(all);
  carto_import_dataset_free(a);
  carto_import_dataset_free(b);
}

/* The name of item i of a list (a static copy, for comparisons). */
static const char *name_at(const carto_import_dataset_list *list, size_t i) {
  static char name[64];
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_dataset_list_get(&ds, list, i));
  snprintf(name, sizeof name, "%s", carto_import_dataset_get_string(ds, "name"));
  carto_import_dataset_free(ds);
  return name;
}

/* Filters go to the server with every page: q narrows, order/order_direction/per_page replace
 * the defaults (per_page=1 makes three pages), page and the fixed parameters stay the
 * listing's own, and a parameter without a name is EINVAL. */
static void test_filter(void **state) {
  it_fixture *fx = *state;
  carto_import_dataset *a = import_one(fx, "alpha_roads", 0);
  carto_import_dataset *b = import_one(fx, "beta_roads", 0);
  carto_import_dataset *c = import_one(fx, "gamma_rivers", 0);
  carto_import_dataset_list *list = NULL;

  assert_ok(carto_import_dataset_list_filter(&list, fx->client, "?q=roads"));
  assert_int_equal(carto_import_dataset_list_count(list), 2);
  assert_str_eq(name_at(list, 0), "alpha_roads");
  assert_str_eq(name_at(list, 1), "beta_roads");
  carto_import_dataset_list_free(list);

  const int before = it_count_requests(fx->srv, "GET", "/api/v1/viz", "per_page=1");
  assert_ok(carto_import_dataset_list_filter(
      &list, fx->client, "order=name&order_direction=desc&per_page=1&page=7&type=derived"));
  assert_int_equal(carto_import_dataset_list_count(list), 3);
  assert_str_eq(name_at(list, 0), "gamma_rivers");
  assert_str_eq(name_at(list, 2), "alpha_roads");
  carto_import_dataset_list_free(list);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", "per_page=1") - before, 3);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", "page=7"), 0);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", "type=derived"), 0);

  assert_ok(carto_import_dataset_list_filter(&list, fx->client, "q=no%20such+thing"));
  assert_int_equal(carto_import_dataset_list_count(list), 0);
  carto_import_dataset_list_free(list);
  assert_ok(carto_import_dataset_list_filter(&list, fx->client, NULL));
  assert_int_equal(carto_import_dataset_list_count(list), 3);
  carto_import_dataset_list_free(list);
  assert_status(carto_import_dataset_list_filter(&list, fx->client, "q=x&=y"), CARTO_IMPORT_EINVAL);
  assert_null(list);

  carto_import_dataset_free(a);
  carto_import_dataset_free(b);
  carto_import_dataset_free(c);
}

/* Other Import API parameters go out as strings with the typed ones; the typed and the
 * library's own names are refused; setting again replaces, NULL removes. */
static void test_params_set_string(void **state) {
  it_fixture *fx = *state;
  carto_import_params *params = NULL;
  assert_ok(carto_import_params_new(&params));
  const char *refused[] = {"privacy", "create_vis", "api_key", "url", "interval", ""};
  for (size_t i = 0; i < sizeof refused / sizeof *refused; ++i)
    assert_status(carto_import_params_set_string(params, refused[i], "x"), CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "empty");
  assert_status(carto_import_params_set_string(params, NULL, "x"), CARTO_IMPORT_EINVAL);
  assert_status(carto_import_params_set_string(NULL, "table_name", "x"), CARTO_IMPORT_EBADHANDLE);
  assert_ok(carto_import_params_set_string(params, "table_name", "first"));
  assert_ok(carto_import_params_set_string(params, "table_name", "final name"));
  assert_ok(carto_import_params_set_string(params, "sql", "select 1"));
  assert_ok(carto_import_params_set_string(params, "sql", NULL));
  assert_ok(carto_import_params_set_create_vis(params, 0));

  char *path = it_write_csv(fx->dir, "named.csv", 4);
  carto_import_dataset_list *list = NULL;
  assert_ok(carto_import_dataset_create(&list, fx->client, path, params, 60000, NULL, NULL));
  carto_import_dataset_list_free(list);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports",
                                     "table_name=final%20name"), 1);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", "create_vis=false"), 1);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", "first"), 0);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", "sql="), 0);
  carto_import_params_free(params);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST(test_get_by_id_and_by_name),
      IT_TEST(test_edit_save_refresh),
      IT_TEST(test_delete_in_use_then_force),
      IT_TEST(test_delete_unused),
      IT_TEST(test_filter),
      IT_TEST(test_params_set_string),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
