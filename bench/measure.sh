# Sourced by bench.sh once the servers are up: measures each request with wrk and prints
# the table. Uses: ports, servers, dir, seconds, nodes, events, sql, backend.

: >"$dir/notes"

# A process's resident memory in KiB, whole or one part: RssAnon is the heap and stacks
# (what the server allocates), RssFile the pages of files it maps (SQLite's database pages
# and the binary itself), which the kernel can drop and read again.
rss_kb() { awk -v field="${2:-VmRSS}:" '$1 == field { print $2 }' "/proc/$1/status"; }
# The largest server's figure now, and the peaks so far (kept in files: measure runs in a subshell).
largest_kb() {
  local kb largest=0
  for pid in "${servers[@]}"; do
    kb=$(rss_kb "$pid" "${1:-VmRSS}")
    ((kb > largest)) && largest=$kb
  done
  echo "$largest"
}
idle_kb=$(largest_kb)
idle_heap_kb=$(largest_kb RssAnon)
echo "$idle_kb" >"$dir/peak"
echo "$idle_heap_kb" >"$dir/peak_heap"
echo "$(largest_kb RssFile)" >"$dir/peak_file"

# Waits until every server answers an event page quickly again: requests wrk gave up on
# can keep a server busy after wrk stops, and would slow the next measurement.
settle() {
  local port t
  for port in "${ports[@]}"; do
    for _ in $(seq 1 150); do
      t=$(curl -s -o /dev/null -m 5 -w '%{time_total}' "http://127.0.0.1:$port/events/1" || echo 9)
      awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && break
      sleep 0.2
    done
  done
}

# wrk's summaries (one file per server) as "req/s p50 p99 failed": requests/s and
# failures summed, the worst p50 and p99.
wrk_figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v
    }
    / 50% / { p50 = ms($2) > p50 ? ms($2) : p50 }
    / 99% / { p99 = ms($2) > p99 ? ms($2) : p99 }
    /Requests\/sec/ { rps += $2 }
    /Non-2xx/ { failed += $NF }
    /Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) failed += $i }
    END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, failed }' "$@"
}

# wrk with `connections` in total, split over the servers; prints "req/s p50 p99 failed".
measure() {
  local connections=$1 i=0
  shift
  local each=$((connections / nodes)) outs=() loads=()
  settle
  for port in "${ports[@]}"; do
    local out="$dir/wrk.$i.out"
    outs+=("$out")
    local args=()
    for arg in "$@"; do args+=("${arg//PORT/$port}"); done
    BENCH_ORIGIN="http://127.0.0.1:$port" BENCH_EVENTS="$events" wrk -t2 -c"$each" -d"${seconds}s" --timeout 10s --latency "${args[@]}" >"$out" &
    loads+=("$!")
    i=$((i + 1))
  done
  local running=1 kb
  while ((running)); do
    running=0
    for pid in "${loads[@]}"; do kill -0 "$pid" 2>/dev/null && running=1; done
    kb=$(largest_kb)
    ((kb > $(cat "$dir/peak"))) && echo "$kb" >"$dir/peak"
    kb=$(largest_kb RssAnon)
    ((kb > $(cat "$dir/peak_heap"))) && echo "$kb" >"$dir/peak_heap"
    kb=$(largest_kb RssFile)
    ((kb > $(cat "$dir/peak_file"))) && echo "$kb" >"$dir/peak_file"
    sleep 0.2
  done
  wrk_figures "${outs[@]}"
}

# One table row: the request's name, then the wrk arguments (PORT is replaced per server).
row() {
  local name=$1
  shift
  local low high
  read -r -a low <<<"$(measure 16 "$@")"
  read -r -a high <<<"$(measure 64 "$@")"
  printf '| %-40s | %7s | %6s ms | %6s ms | %7s | %6s ms | %6s ms | %6s |\n' "$name" \
    "${low[0]}" "${low[1]}" "${low[2]}" "${high[0]}" "${high[1]}" "${high[2]}" "$((low[3] + high[3]))"
}

# A row this seed cannot give: n/a in the table, and why in the notes.
missing_row() {
  printf '| %-40s | %7s | %9s | %9s | %7s | %9s | %9s | %6s |\n' "$1" "n/a" "" "" "n/a" "" "" ""
  echo "$2" >>"$dir/notes"
}

# Two limited slots with plenty of room, one for each sign-up run.
soon=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%S)
read -r -a slots <<<"$(sql "SELECT s.id FROM event_slots s JOIN events e ON e.id = s.event_id
  WHERE e.status = 'published' AND s.capacity >= 100 AND s.starts_at > '$soon+00:00'
  ORDER BY s.confirmed_count, s.id LIMIT 2" | tr '\n' ' ')"
source bench/sign_in.sh
token=$(sam_session "http://127.0.0.1:${ports[0]}")
counts=$(sql "SELECT (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM signups),
  (SELECT COUNT(*) FROM groups), (SELECT COUNT(*) FROM forum_posts), (SELECT COUNT(*) FROM friendships)")
# Sam's accepted friends who share their sign-ups, and their confirmed upcoming sign-ups.
read -r -a sam_friends <<<"$(sql "WITH sam AS (SELECT id FROM people WHERE email = 'sam@membersnet.example'),
  f AS (SELECT high_id AS id FROM friendships WHERE low_id = (SELECT id FROM sam) AND state = 'accepted'
    UNION SELECT low_id FROM friendships WHERE high_id = (SELECT id FROM sam) AND state = 'accepted')
  SELECT (SELECT COUNT(*) FROM f JOIN people q ON q.id = f.id WHERE q.share_attendance = 'friends'),
    (SELECT COUNT(*) FROM signups u JOIN event_slots s ON s.id = u.slot_id JOIN f ON f.id = u.person_id
     WHERE u.status = 'confirmed' AND s.starts_at > '$soon+00:00')")"
echo "(Sam: ${sam_friends[0]} accepted friends sharing their sign-ups; ${sam_friends[1]} confirmed sign-ups of his friends from tomorrow)" >>"$dir/notes"
# The seed's long thread (5,000 replies) in group bench-long-thread; Sam is a member. Empty
# when the seed has fewer than 1,000 groups.
long_thread=$(sql "SELECT t.id FROM forum_threads t JOIN groups g ON g.id = t.group_id
  WHERE g.slug = 'bench-long-thread' ORDER BY t.post_count DESC, t.id LIMIT 1")

# The table at 16 and 64 connections (BENCH_ONLY=one-client skips it).
main_table() {
  echo
  echo "## $backend, $nodes server process(es); people, events, sign-ups, groups, forum posts, friendships: $counts"
  echo "wrk -t2 for ${seconds} s per cell; latency in ms; failed = non-2xx/3xx responses and socket errors (timeout 10 s)"
  echo
  echo "| request                                  | req/s 16 | p50 16    | p99 16    | req/s 64 | p50 64    | p99 64    | failed |"
  echo "|------------------------------------------|---------:|----------:|----------:|---------:|----------:|----------:|-------:|"
  row "home page, visitor (GET /)" "http://127.0.0.1:PORT/"
  row "home page, signed in" -H "Cookie: mn_session=$token" "http://127.0.0.1:PORT/"
  row "event list (GET /events)" "http://127.0.0.1:PORT/events"
  row "event page (random of $events events)" -s bench/event_page.lua "http://127.0.0.1:PORT"
  row "event page, signed in (friends going)" -H "Cookie: mn_session=$token" -s bench/event_page.lua \
    "http://127.0.0.1:PORT"
  row "search near a postcode (10 miles)" -s bench/near.lua "http://127.0.0.1:PORT"
  row "group directory near a postcode (25 mi)" -s bench/groups_near.lua "http://127.0.0.1:PORT"
  if [[ -n $long_thread ]]; then
    row "thread page, 5,000 replies (page 50)" -H "Cookie: mn_session=$token" \
      "http://127.0.0.1:PORT/groups/bench-long-thread/threads/$long_thread?page=50"
  else
    missing_row "thread page, 5,000 replies (page 50)" \
      "(thread page: n/a — the seed has no long thread below 1,000 groups)"
  fi
  suggested=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: mn_session=$token" \
    "http://127.0.0.1:${ports[0]}/events/suggested")
  if [[ $suggested == 200 ]]; then
    row "suggestions for a signed-in person" -H "Cookie: mn_session=$token" \
      "http://127.0.0.1:PORT/events/suggested"
  else
    missing_row "suggestions for a signed-in person" \
      "(suggestions: n/a — GET /events/suggested answered $suggested)"
  fi
  low=$(BENCH_SLOT=${slots[0]} measure 16 -s bench/signup.lua "http://127.0.0.1:PORT")
  high=$(BENCH_SLOT=${slots[1]} measure 64 -s bench/signup.lua "http://127.0.0.1:PORT")
  read -r -a low <<<"$low"
  read -r -a high <<<"$high"
  printf '| %-40s | %7s | %6s ms | %6s ms | %7s | %6s ms | %6s ms | %6s |\n' "sign-up POST (one limited slot)" \
    "${low[0]}" "${low[1]}" "${low[2]}" "${high[0]}" "${high[1]}" "${high[2]}" "$((low[3] + high[3]))"
}
# Issue 5's figures: one client at a time, so the latency is the request's own.
one_client() {
  local name=$1 figures
  shift
  settle
  # A warm-up first (BENCH_WARMUP seconds, default 2), so the figures are of a warm
  # cache, as in use: right after the database is copied, this machine reads it from disk.
  BENCH_ORIGIN="http://127.0.0.1:${ports[0]}" BENCH_EVENTS="$events" \
    wrk -t1 -c1 -d"${BENCH_WARMUP:-2}s" "${@//PORT/${ports[0]}}" >/dev/null
  figures=$(BENCH_ORIGIN="http://127.0.0.1:${ports[0]}" BENCH_EVENTS="$events" \
    wrk -t1 -c1 -d"${seconds}s" --latency "${@//PORT/${ports[0]}}" | wrk_figures)
  read -r -a figures <<<"$figures"
  printf '| %-52s | %7s | %6s ms | %6s ms |\n' "$name" "${figures[0]}" "${figures[1]}" "${figures[2]}"
}
echo
echo "One client at a time (wrk -t1 -c1, ${seconds} s); the first three signed in as Sam:"
echo
echo "| request                                              | req/s   | p50       | p99       |"
echo "|------------------------------------------------------|--------:|----------:|----------:|"
one_client "event page with friends going (random event)" -H "Cookie: mn_session=$token" \
  -s bench/event_page.lua "http://127.0.0.1:PORT"
one_client "suggestions page (GET /events/suggested)" -H "Cookie: mn_session=$token" \
  "http://127.0.0.1:PORT/events/suggested"
one_client "suggestions server function (POST, 20)" -H "Cookie: mn_session=$token" \
  -s bench/suggested_api.lua "http://127.0.0.1:PORT"
# Issue 20's latency targets for the public search pages are for one client.
one_client "search near a postcode (10 miles)" -s bench/near.lua "http://127.0.0.1:PORT"
one_client "group directory near a postcode (25 mi)" -s bench/groups_near.lua "http://127.0.0.1:PORT"
[[ ${BENCH_ONLY:-} == one-client ]] || main_table
echo
cat "$dir/notes"
echo "server memory (RSS, largest process): idle $((idle_kb / 1024)) MiB, peak under load $(($(cat "$dir/peak") / 1024)) MiB"
echo "  of which heap and stacks (RssAnon): idle $((idle_heap_kb / 1024)) MiB, peak $(($(cat "$dir/peak_heap") / 1024)) MiB;" \
  "mapped files, the database's pages and the binary (RssFile): peak $(($(cat "$dir/peak_file") / 1024)) MiB"
sql "SELECT s.id, s.capacity, s.confirmed_count,
    (SELECT COUNT(*) FROM signups u WHERE u.slot_id = s.id AND u.status = 'confirmed'),
    (SELECT COUNT(*) FROM signups u WHERE u.slot_id = s.id AND u.status = 'waitlisted')
  FROM event_slots s WHERE s.id IN (${slots[0]}, ${slots[1]})" |
  awk '{ over += ($4 > $2 ? $4 - $2 : 0) + ($4 != $3)
         printf "sign-up slot %s: capacity %s, confirmed %s (counter %s), waitlisted %s\n", $1, $2, $4, $3, $5 }
       END { printf "oversold: %d\n", over }'
