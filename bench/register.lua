-- wrk script: POST /api/v1/documents/incoming as a clerk's API token ($BENCH_TOKEN): an
-- incoming document registered with the agency's next incoming number, each request a
-- different số/ký hiệu (a repeated one would be a likely duplicate, 409): a durable write
-- (the number allocated, the document, its event and search text) per request on SQLite.
-- The numbers carry the run's start time and the wrk thread, so runs never repeat them.
local threads = {}
local run = tostring(os.time())

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads - 1)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local body = '{"issuer_name":"Sở Tài nguyên và Môi trường","issuer_code":"000.00.14.H48",' ..
    '"number_notation":"' .. counter .. '/STNMT-B' .. run .. 'T' .. id .. '",' ..
    '"issued_on":"2026-03-02","type":"CV","urgency":"khan",' ..
    '"subject":"V/v đề nghị rà soát, báo cáo tình hình sử dụng đất công trên địa bàn xã"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}, body)
end
