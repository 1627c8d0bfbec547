# Sourced by the bench scripts: the session token of Sam, the seeded database's person
# with friends going to events, signed in at the server at ORIGIN.
#   token=$(sam_session http://127.0.0.1:3100)
sam_session() {
  curl -s -D - -o /dev/null -X POST "$1/api/auth/sign-in" -H "Origin: $1" -H "Accept: application/json" \
    --data "email=sam%40membersnet.example&password=demo-password-2026" |
    sed -n 's/.*mn_session=\([0-9a-f]*\).*/\1/p'
}
