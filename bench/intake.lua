-- wrk script: POST /api/v1/dossiers (1.001193, Đăng ký khai sinh) as a reception officer's
-- API token ($BENCH_TOKEN) with the procedure's components ($BENCH_COMPONENTS).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.body = '{"procedure_code":"1.001193","channel":"direct","applicant":{"full_name":"Nguyễn Văn Đo",' ..
  '"id_number":"051090001234","phone":"0912345678","address":"Thôn 1, xã Trà Sơn"},' ..
  '"components":' .. os.getenv("BENCH_COMPONENTS") .. '}'
