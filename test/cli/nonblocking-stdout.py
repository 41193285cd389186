# Runs a command with its stdout on a pipe that is non-blocking and not read for 0.7 s (as some
# parents leave it), then reads it all: a large result must arrive whole and in order.
import subprocess, os, fcntl, time, sys
r, w = os.pipe()
fl = fcntl.fcntl(w, fcntl.F_GETFL); fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
p = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(0.7)
data = b''
while True:
    b = os.read(r, 65536)
    if not b: break
    data += b
sys.stdout.buffer.write(data)
sys.exit(p.wait())
