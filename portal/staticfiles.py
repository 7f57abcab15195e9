from whitenoise.storage import CompressedManifestStaticFilesStorage


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, with JavaScript module imports rewritten to the hashed names too."""

    support_js_module_import_aggregation = True

    def compress_files(self, paths):
        # The easy read pictures (openmoji/, about 2,000 SVGs of 1 to 5 KB) are left uncompressed: compressing
        # each twice (gzip and Brotli, original and hashed name) would triple collectstatic's time to save a
        # kilobyte or two on the few pictures a page shows.
        return super().compress_files([path for path in paths if not path.startswith("openmoji/")])
