"""Where files live: the local disk by default, an S3 or Google Cloud Storage bucket when
FILE_STORAGE says so (docs/decisions/0037). Every file is scanned before it is stored when a
scanner is configured (partnerskap/core/scanning.py).

The bucket backends come from django-storages and are imported only when chosen, so a server
on the local disk needs neither boto3 nor Google's client.
"""

from typing import Any

from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage

from .scanning import scan


class ScanningMixin:
    def _save(self, name: str, content: Any) -> str:
        scan(content, name.rsplit("/", 1)[-1])
        return super()._save(name, content)  # type: ignore[misc]


class FileSystemStorage(ScanningMixin, DjangoFileSystemStorage):
    pass


def __getattr__(name: str) -> type:
    if name == "S3Storage":
        from storages.backends.s3 import S3Storage as Base
    elif name == "GoogleCloudStorage":
        from storages.backends.gcloud import GoogleCloudStorage as Base
    else:
        raise AttributeError(name)
    return type(name, (ScanningMixin, Base), {"__module__": __name__})


def storages_setting(kind: str, bucket: str, endpoint_url: str) -> dict[str, Any]:
    """The STORAGES["default"] entry for FILE_STORAGE=local|s3|gcs."""
    if kind == "local":
        return {"BACKEND": "partnerskap.core.storage.FileSystemStorage"}
    if not bucket:
        raise ValueError("FILE_BUCKET must name the bucket when FILE_STORAGE is s3 or gcs.")
    # Files are private: served through the application's access checks, never by public URL.
    options: dict[str, Any] = {"bucket_name": bucket, "file_overwrite": False}
    if kind == "s3":
        options |= {"default_acl": None, "querystring_auth": True}
        if endpoint_url:
            options["endpoint_url"] = endpoint_url
        return {"BACKEND": "partnerskap.core.storage.S3Storage", "OPTIONS": options}
    if kind == "gcs":
        return {"BACKEND": "partnerskap.core.storage.GoogleCloudStorage", "OPTIONS": options}
    raise ValueError("FILE_STORAGE must be local, s3 or gcs.")
