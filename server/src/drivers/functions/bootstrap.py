# The Python bootstrap of a function worker (see worker.ts): caps its address space at argv[2]
# bytes, loads the handler named by argv[1] (`main.handler` -> ./main.py, function `handler`) from
# the working directory, says whether it loaded on fd 3, then answers one JSON line per invocation
# on fd 3. After each invocation it writes END to stdout and stderr, so the parent knows both
# streams hold all of that invocation's output before it answers.
import importlib
import json
import os
import resource
import socket
import sys
import traceback

END = "\0cnx-end\0"


def message_of(error):
    return f"{type(error).__name__}: {error}"


def load(handler):
    module_name, _, export_name = handler.rpartition(".")
    sys.path.insert(0, os.getcwd())
    module = importlib.import_module(module_name)
    fn = getattr(module, export_name, None)
    if not callable(fn):
        raise AttributeError(f"{module_name}.py has no function named {export_name}")
    return fn


def answer(fn, line):
    event = json.loads(line)["event"]
    try:
        value = fn(event)
        try:
            reply = {"ok": True, "result": json.loads(json.dumps(value))}
        except (TypeError, ValueError) as error:
            reply = {"ok": False, "error": {"type": "invalid_result", "message": f"The result is not JSON: {error}"}}
    except MemoryError:
        reply = {"ok": False, "error": {"type": "out_of_memory", "message": "MemoryError: the function ran out of memory"}}
    except Exception as error:  # noqa: BLE001 - any error of the handler is its answer
        traceback.print_exc()
        reply = {"ok": False, "error": {"type": "handler_error", "message": message_of(error)}}
    sys.stdout.write(END)
    sys.stdout.flush()
    sys.stderr.write(END)
    sys.stderr.flush()
    return reply


def main():
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    channel = socket.socket(fileno=3)
    reader = channel.makefile("rb")
    try:
        fn = load(sys.argv[1])
    except BaseException as error:  # noqa: BLE001 - a failed load is the deploy's answer
        channel.sendall((json.dumps({"ready": False, "error": message_of(error)}) + "\n").encode())
        sys.exit(1)
    channel.sendall(b'{"ready": true}\n')
    for line in reader:
        channel.sendall((json.dumps(answer(fn, line)) + "\n").encode())


main()
