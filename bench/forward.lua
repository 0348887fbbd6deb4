-- wrk script: POST /api/v1/dossiers/{code}/actions {"action":"forward"} as a reception
-- officer's API token ($BENCH_TOKEN), each request a different open dossier of
-- $BENCH_FORWARD_CODES (one code a line), each forwarded once: a durable write (the dossier's
-- row, its event and due times) per request on SQLite.
--
-- wrk runs this script once per warm-up and per measured run: the codes a run used on egov
-- ($EGOV_URL) are skipped by the next one through the offset kept in $BENCH_FORWARD_OFFSET.
-- Against bare_server the codes are only text, reused freely. When the codes run out the
-- requests repeat earlier codes and egov answers them 403 or 409: the row then shows errors
-- (give more with BENCH_FORWARD_DOSSIERS).
local codes = {}
for line in io.lines(os.getenv("BENCH_FORWARD_CODES")) do codes[#codes + 1] = line end
local offset_file = os.getenv("BENCH_FORWARD_OFFSET")
local threads = {}

local function read_offset()
  local f = io.open(offset_file, "r")
  if not f then return 0 end
  local n = tonumber(f:read("*l") or "0") or 0
  f:close()
  return n
end

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads - 1)
  thread:set("offset", read_offset())
end

function init(args)
  stride = tonumber(os.getenv("BENCH_WRK_THREADS") or "2")
  sent = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.body = '{"action":"forward"}'
end

function request()
  local i = offset + id + sent * stride
  sent = sent + 1
  local code = codes[(i % #codes) + 1]
  return wrk.format(nil, "/api/v1/dossiers/" .. code .. "/actions")
end

function done(summary, latency, requests)
  local egov = os.getenv("EGOV_URL") or ""
  if not string.find(egov, ":" .. wrk.port, 1, true) then return end
  local most = 0
  for _, t in ipairs(threads) do
    local n = tonumber(t:get("sent")) or 0
    if n > most then most = n end
  end
  -- Read before opening for writing: "w" empties the file.
  local next_offset = read_offset() + (most + 1) * #threads
  local f = io.open(offset_file, "w")
  f:write(tostring(next_offset) .. "\n")
  f:close()
end
