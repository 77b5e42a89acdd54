# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""TLS against carto-import-server --tls-cert (with_server.py --tls makes a throwaway CA):
an unknown CA is TLSError naming the cause; ca_bundle= makes it work; verify_tls=False too."""
import os

import pytest

import carto_import


@pytest.fixture(scope="module")
def ca_bundle():
    value = os.environ.get("CARTO_CA_BUNDLE")
    if not value:
        pytest.skip("CARTO_CA_BUNDLE is not set: run under tests/support/with_server.py --tls")
    return value


def test_unknown_ca_is_tls_error(base_url, api_key, ca_bundle):
    assert base_url.startswith("https://")
    with carto_import.Client(base_url, api_key) as client:
        with pytest.raises(carto_import.TLSError) as info:
            client.verify()
    assert info.value.code == carto_import.ETLS
    assert isinstance(info.value, carto_import.NetworkError)
    assert "unable to get local issuer certificate" in str(info.value)
    assert api_key not in str(info.value) + repr(info.value)


def test_ca_bundle_imports_and_lists(base_url, api_key, ca_bundle, sample_csv):
    with carto_import.Client(base_url, api_key, ca_bundle=ca_bundle,
                             poll_interval=(0.02, 0.2)) as client:
        client.verify()
        imported = client.import_dataset(sample_csv, timeout=60)
        assert [d["name"] for d in imported] == [sample_csv.stem]
        assert sample_csv.stem in [d["name"] for d in client.datasets()]


def test_verify_tls_off_connects(base_url, api_key, ca_bundle):
    with carto_import.Client(base_url, api_key, verify_tls=False) as client:
        client.verify()
