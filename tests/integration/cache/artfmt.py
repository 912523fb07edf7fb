"""artfmt: an independent Python reader/writer of osprey's cache artifact, written from the table in
src/cache/README.md. The integration tests use it to make artifacts for `osprey cache import` and
to check what `osprey cache export` wrote; if it disagrees with osprey, the README is wrong.

An entry is a dict: account, partition, region, service, collected_at, osprey_version,
schema_version, state (str), status (str or None).
"""
import hashlib
import struct
import zlib

MAGIC = b"\x89OSPC\r\n\x1a"
VERSION = 1


def _s8(s):
    b = s.encode()
    assert len(b) < 256
    return bytes([len(b)]) + b


def _s32(s):
    b = s.encode()
    return struct.pack(">I", len(b)) + b


def _key(e):
    return tuple(e[k].encode() for k in ("account", "partition", "region", "service"))


def payload(entries):
    out = b""
    for e in sorted(entries, key=_key):
        out += _s8(e["account"]) + _s8(e["partition"]) + _s8(e["region"]) + _s8(e["service"])
        out += struct.pack(">q", e["collected_at"]) + _s8(e["osprey_version"])
        out += struct.pack(">i", e["schema_version"])
        if e.get("status") is None:
            out += b"\x00"
        else:
            out += b"\x01" + _s32(e["status"])
        out += _s32(e["state"])
    return out


def encode(entries, created, osprey_version="0.1.0", level=6, raw_payload=None, declared=None, version=VERSION):
    """Bytes of an artifact. raw_payload/declared/version let tests build hostile files with a valid checksum."""
    ents = sorted(entries, key=_key)
    accounts = []
    for e in ents:
        if not accounts or accounts[-1] != e["account"]:
            accounts.append(e["account"])
    body = payload(ents) if raw_payload is None else raw_payload
    z = zlib.compress(body, level)
    head = MAGIC + struct.pack(">Iq", version, created) + _s8(osprey_version)
    head += struct.pack(">I", len(accounts)) + b"".join(_s8(a) for a in accounts)
    head += struct.pack(">IQQ", len(ents), len(body) if declared is None else declared, len(z))
    data = head + z
    return data + hashlib.sha256(data).digest()


class Reader:
    def __init__(self, b):
        self.b, self.off = b, 0

    def take(self, n):
        if self.off + n > len(self.b):
            raise ValueError("truncated")
        v = self.b[self.off:self.off + n]
        self.off += n
        return v

    def u(self, fmt):
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def s8(self):
        return self.take(self.u(">B")).decode()

    def s32(self):
        return self.take(self.u(">I")).decode()


def decode(data):
    """(header dict, entries) of a valid artifact; raises ValueError on anything wrong."""
    r = Reader(data)
    if r.take(8) != MAGIC:
        raise ValueError("magic")
    hdr = {"version": r.u(">I"), "created": r.u(">q"), "osprey_version": r.s8()}
    hdr["accounts"] = [r.s8() for _ in range(r.u(">I"))]
    n, ulen, zlen = r.u(">I"), r.u(">Q"), r.u(">Q")
    z = r.take(zlen)
    if hashlib.sha256(data[:r.off]).digest() != r.take(32) or r.off != len(data):
        raise ValueError("checksum or trailing bytes")
    body = zlib.decompress(z)
    if len(body) != ulen:
        raise ValueError("payload size")
    p = Reader(body)
    entries = []
    for _ in range(n):
        e = {"account": p.s8(), "partition": p.s8(), "region": p.s8(), "service": p.s8(),
             "collected_at": p.u(">q"), "osprey_version": p.s8(), "schema_version": p.u(">i")}
        e["status"] = p.s32() if p.u(">B") else None
        e["state"] = p.s32()
        entries.append(e)
    if p.off != len(body):
        raise ValueError("trailing payload")
    return hdr, entries


def entry(account, region, service, state, collected_at, status=None, partition="aws", schema_version=1,
          osprey_version="0.1.0"):
    return {"account": account, "partition": partition, "region": region, "service": service,
            "collected_at": collected_at, "osprey_version": osprey_version, "schema_version": schema_version,
            "state": state, "status": status}
