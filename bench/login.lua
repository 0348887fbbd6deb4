-- wrk script: POST /api/v1/auth/login with the benchmark account (bench/run creates it).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"bench","password":"' .. os.getenv("BENCH_PASSWORD") .. '"}'
