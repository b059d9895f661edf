"""Files through Django's storage API: scanned by ClamAV when configured (a fake clamd here),
and in an S3 bucket when FILE_STORAGE=s3 (moto's S3 server here)."""

import socket
import struct
import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.module_loading import import_string

from partnerskap.core.storage import FileSystemStorage, storages_setting

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    """Speaks clamd's INSTREAM: finds the EICAR test string, passes everything else."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"tcp://127.0.0.1:{self.server.getsockname()[1]}"
        self.received: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            with connection, connection.makefile("rb") as stream:
                assert stream.read(10) == b"zINSTREAM\0"
                data = b""
                while size := struct.unpack("!L", stream.read(4))[0]:
                    data += stream.read(size)
                self.received.append(data)
                found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in data
                connection.sendall(
                    b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0"
                )

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def clamd(settings):
    scanner = FakeClamd()
    settings.CLAMAV_URL = scanner.url
    yield scanner
    scanner.close()


@pytest.fixture
def disk(tmp_path):
    return FileSystemStorage(location=tmp_path)


def test_a_clean_file_is_scanned_whole_and_stored(clamd, disk):
    content = b"%PDF-1.4 " + bytes(range(256)) * 600  # over two of the protocol's chunks
    name = disk.save("vedlegg/innkalling.pdf", ContentFile(content))
    assert clamd.received == [content]
    assert disk.open(name).read() == content


def test_malware_is_refused_with_the_file_name_and_nothing_is_stored(clamd, disk):
    with pytest.raises(ValidationError) as refused:
        disk.save("vedlegg/referat.pdf", ContentFile(b"%PDF-1.4 " + EICAR))
    assert "referat.pdf" in refused.value.messages[0]
    assert "Eicar-Test-Signature" in refused.value.messages[0]
    assert not disk.exists("vedlegg/referat.pdf")


def test_a_file_that_cannot_be_scanned_is_not_stored(settings, disk):
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]
    settings.CLAMAV_URL = f"tcp://127.0.0.1:{port}"
    with pytest.raises(ValidationError, match=r"notat\.pdf"):
        disk.save("vedlegg/notat.pdf", ContentFile(b"%PDF-1.4"))
    assert not disk.exists("vedlegg/notat.pdf")


def test_without_a_scanner_files_are_stored_as_they_are(settings, disk):
    settings.CLAMAV_URL = ""
    assert disk.exists(disk.save("vedlegg/x.pdf", ContentFile(EICAR)))


def test_files_go_to_an_s3_bucket(settings, monkeypatch):
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        for name, value in {
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "eu-north-1",
        }.items():
            monkeypatch.setenv(name, value)
        bucket = f"partnerskap-{uuid.uuid4().hex[:8]}"
        client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-north-1")
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
        )
        config = storages_setting("s3", bucket, endpoint)
        storage = import_string(config["BACKEND"])(**config["OPTIONS"])
        settings.CLAMAV_URL = ""

        name = storage.save("vedlegg/2026/referat.pdf", ContentFile(b"%PDF-1.4 referat"))
        again = storage.save("vedlegg/2026/referat.pdf", ContentFile(b"%PDF-1.4 nytt"))
        assert again != name  # never overwritten
        assert storage.open(name).read() == b"%PDF-1.4 referat"
        stored = client.get_object(Bucket=bucket, Key=name)["Body"].read()
        assert stored == b"%PDF-1.4 referat"
        assert "X-Amz-Signature" in storage.url(name)  # private: signed, expiring links only
    finally:
        server.stop()


def test_a_bucket_storage_needs_a_bucket_name():
    with pytest.raises(ValueError, match="FILE_BUCKET"):
        storages_setting("s3", "", "")
    with pytest.raises(ValueError, match="local, s3 or gcs"):
        storages_setting("ftp", "bucket", "")
    gcs = storages_setting("gcs", "partnerskap-files", "")
    assert gcs["BACKEND"].endswith("GoogleCloudStorage")
    assert gcs["OPTIONS"]["file_overwrite"] is False
