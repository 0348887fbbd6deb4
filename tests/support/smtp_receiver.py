#!/usr/bin/env python3
"""A local SMTP receiver for the mail tests (aiosmtpd, Debian's python3-aiosmtpd).

Listens on 127.0.0.1 on a free port and prints "PORT <n>" once listening. Every accepted
message is written to OUT/<n>.json (n from 1): the envelope, whether the session was under TLS
and authenticated, the raw message, and its headers and body as Python's email package decodes
them (RFC 2047 words and the transfer encoding undone), so the tests compare texts to the
character without decoding anything themselves. Every RCPT command is counted in
OUT/attempts (one line each).

  --refuse N        answer the first N RCPT commands 451 (try again later)
  --reject-rcpt     answer every RCPT 550 (no such user)
  --tls CERT KEY    offer STARTTLS with this certificate, and require it before MAIL
  --auth USER:PASS  offer AUTH PLAIN/LOGIN and require it before MAIL
Stops on SIGTERM.
"""
import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import socket
import ssl
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, out, refuse, reject_rcpt):
        self.out = out
        self.refuse = refuse
        self.reject_rcpt = reject_rcpt
        self.attempts = 0
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.attempts += 1
        with open(os.path.join(self.out, "attempts"), "a") as f:
            f.write(address + "\n")
        if self.attempts <= self.refuse:
            return "451 4.3.0 Try again later"
        if self.reject_rcpt:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else "",
            "raw": raw.decode("utf-8", errors="replace"),
            "headers": {k: str(v) for k, v in message.items()},
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": message.get("Content-Transfer-Encoding", ""),
            "body": message.get_content().replace("\r\n", "\n"),
        }
        path = os.path.join(self.out, f"{self.count}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--refuse", type=int, default=0)
    parser.add_argument("--reject-rcpt", action="store_true")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    args = parser.parse_args()
    # Failed handshakes are what some tests provoke: no tracebacks in the test's output.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")

    context = None
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls[0], args.tls[1])

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and args.auth == (
            auth_data.login.decode() + ":" + auth_data.password.decode())
        return AuthResult(success=ok, auth_data=auth_data if ok else None)

    handler = Handler(args.out, args.refuse, args.reject_rcpt)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)

    def factory():
        return SMTP(handler, hostname="localhost", tls_context=context,
                    require_starttls=context is not None,
                    authenticator=authenticator if args.auth else None,
                    auth_required=bool(args.auth), auth_require_tls=context is not None)

    server = loop.run_until_complete(loop.create_server(factory, sock=sock))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
