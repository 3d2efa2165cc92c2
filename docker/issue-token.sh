#!/usr/bin/env bash
# Issues a Naviyam token (HS256 JWT) signed with the gateway's key, for the chat page's "받은 토큰으로 로그인" or an API
# client outside Development, where no dev-token endpoint exists. Needs bash, openssl and base64.
# Usage: NAVIYAM_SIGNING_KEY=<base64 key> docker/issue-token.sh USER_ID [HOURS] [ROLE]
#   ROLE "operator" gives the Orleans Dashboard and the /api/operator endpoints.
set -euo pipefail
user=${1:?usage: issue-token.sh USER_ID [HOURS] [ROLE]}
hours=${2:-12}
role=${3:-}
key=${NAVIYAM_SIGNING_KEY:?set NAVIYAM_SIGNING_KEY to the gateway\'s base64 signing key}
issuer=${NAVIYAM_ISSUER:-naviyam}
audience=${NAVIYAM_AUDIENCE:-naviyam-chat}
[[ $user =~ ^[A-Za-z0-9_-]{1,64}$ ]] || { echo "USER_ID must be 1-64 of A-Z a-z 0-9 _ -" >&2; exit 2; }
[[ $hours =~ ^[0-9]+$ ]] || { echo "HOURS must be a whole number" >&2; exit 2; }

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
claims="{\"sub\":\"$user\",\"iss\":\"$issuer\",\"aud\":\"$audience\",\"nbf\":$now,\"iat\":$now,\"exp\":$((now + hours * 3600))"
[ -n "$role" ] && claims+=",\"role\":\"$role\""
payload=$(printf '%s}' "$claims" | b64url)
hexkey=$(printf '%s' "$key" | base64 -d | od -An -tx1 | tr -d ' \n')
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
