#!/usr/bin/env bash
# Proves the migrations: starts a private MariaDB, lints and applies every sql/migrations file in
# order (no error, no warning), applies them once more the way a line-based runner splits them,
# then exercises constraints and the Orleans query contract. Prints PASS/FAIL per check, stops
# the instance and exits non-zero when anything failed.
#
#   sql/verify.sh [PORT] [DIR]        defaults: 3407, /tmp/naviyam-sqlverify-PORT
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
MIGRATIONS="$HERE/migrations"
MARIADB_SH="$ROOT/scripts/mariadb.sh"
PORT="${1:-3407}"
DIR="${2:-/tmp/naviyam-sqlverify-$PORT}"

PASSED=0
FAILED=0

pass() {
    echo "PASS  $1"
    PASSED=$((PASSED + 1))
}

fail() {
    echo "FAIL  $1${2:+ -- $2}"
    FAILED=$((FAILED + 1))
}

find_client() {
    local candidate
    for candidate in "$(command -v mariadb 2>/dev/null)" /usr/bin/mariadb "$(command -v mysql 2>/dev/null)"; do
        [[ -n "$candidate" && -x "$candidate" ]] && { echo "$candidate"; return 0; }
    done
    return 1
}

# ---------------------------------------------------------------------------------------------
# instance
# ---------------------------------------------------------------------------------------------
if ! "$MARIADB_SH" start "$DIR" "$PORT" >/dev/null; then
    fail "start private MariaDB on 127.0.0.1:$PORT"
    exit 1
fi
trap '"$MARIADB_SH" stop "$DIR"' EXIT
pass "start private MariaDB on 127.0.0.1:$PORT"
CLIENT=$(find_client) || { fail "mariadb client found"; exit 1; }

# The exact client invocation of the brief, with a database argument.
db_in() {
    local database="$1"
    shift
    "$CLIENT" --no-defaults -h127.0.0.1 -P"$PORT" -unaviyam -pnaviyam "$database" "$@"
}

# Runs SQL in database naviyam and prints the rows (tab-separated, no header).
q() {
    db_in naviyam --batch --skip-column-names --raw -e "SET NAMES utf8mb4; $1"
}

# check NAME EXPECTED SQL: the query output must equal EXPECTED (rows joined by newlines).
check() {
    local name="$1" expected="$2" actual
    actual=$(q "$3" 2>&1)
    if [[ "$actual" == "$expected" ]]; then
        pass "$name"
    else
        fail "$name" "expected [$expected], got [$actual]"
    fi
}

# check_error NAME CODE SQL: the statement must fail with MariaDB error CODE.
check_error() {
    local name="$1" code="$2" output
    if output=$(q "$3" 2>&1); then
        fail "$name" "expected error $code, statement succeeded"
    elif [[ "$output" == *"ERROR $code "* ]]; then
        pass "$name"
    else
        fail "$name" "expected error $code, got: $output"
    fi
}

# ---------------------------------------------------------------------------------------------
# lint
# ---------------------------------------------------------------------------------------------
mapfile -t FILES < <(find "$MIGRATIONS" -maxdepth 1 -type f -name '*.sql' | sort)
if ((${#FILES[@]} == 0)); then
    fail "migrations found in $MIGRATIONS"
    exit 1
fi

lint_ok=1
previous=-1
for file in "${FILES[@]}"; do
    base=$(basename "$file")
    if [[ ! "$base" =~ ^V([0-9]{3})__[a-z0-9_]+\.sql$ ]]; then
        fail "lint $base" "name is not V<3 digits>__<lower_snake>.sql"
        lint_ok=0
        continue
    fi
    version=$((10#${BASH_REMATCH[1]}))
    if ((version <= previous)); then
        fail "lint $base" "version not strictly increasing"
        lint_ok=0
    fi
    previous=$version
    # Runner-friendliness: comments carry no statement terminator or quote, DELIMITER lines are
    # exactly the two forms the runner knows, and the runner owns schema_migrations.
    if grep -nE "^[[:space:]]*--.*[;']" "$file" >/dev/null; then
        fail "lint $base" "comment contains ; or a quote: $(grep -nE "^[[:space:]]*--.*[;']" "$file" | head -1)"
        lint_ok=0
    fi
    if grep -nE '^DELIMITER' "$file" | grep -vE '^[0-9]+:DELIMITER (\$\$|;)$' >/dev/null; then
        fail "lint $base" "DELIMITER line other than 'DELIMITER \$\$' / 'DELIMITER ;'"
        lint_ok=0
    fi
    if grep -qi 'schema_migrations' "$file"; then
        fail "lint $base" "mentions schema_migrations (the runner owns it)"
        lint_ok=0
    fi
    tables=$(grep -cE '^CREATE TABLE' "$file")
    engines=$(grep -cE '^\) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' "$file")
    if ((tables != engines)); then
        fail "lint $base" "$tables CREATE TABLE but $engines InnoDB/utf8mb4_unicode_ci table options"
        lint_ok=0
    fi
done
((lint_ok)) && pass "lint ${#FILES[@]} migration files (names, order, comments, DELIMITER, table options)"

# ---------------------------------------------------------------------------------------------
# apply with the mariadb client, in order, no errors and no warnings
# ---------------------------------------------------------------------------------------------
apply_ok=1
for file in "${FILES[@]}"; do
    base=$(basename "$file")
    if output=$(db_in naviyam --show-warnings <"$file" 2>&1) && [[ -z "$output" ]]; then
        pass "apply $base (no error, no warning)"
    else
        fail "apply $base" "$output"
        apply_ok=0
    fi
done
if ((!apply_ok)); then
    echo "Migrations did not apply cleanly, skipping the remaining checks."
    echo "RESULT: $PASSED passed, $FAILED failed"
    exit 1
fi

# ---------------------------------------------------------------------------------------------
# apply again into a second database, split the way a line-based runner splits: a statement ends
# at a line ending in ';', and between 'DELIMITER $$' and 'DELIMITER ;' at a line ending in '$$'
# ---------------------------------------------------------------------------------------------
split_statements() {
    awk '
        BEGIN { mode = "sql"; buf = "" }
        /^DELIMITER \$\$[[:space:]]*$/ { mode = "block"; next }
        /^DELIMITER ;[[:space:]]*$/     { mode = "sql"; next }
        {
            buf = buf $0 "\n"
            if (mode == "sql" && $0 ~ /;[[:space:]]*$/) { printf "%s%c", buf, 0; buf = "" }
            if (mode == "block" && $0 ~ /\$\$[[:space:]]*$/) {
                sub(/\$\$[[:space:]]*\n$/, "\n", buf); printf "%s%c", buf, 0; buf = ""
            }
        }
        END { if (buf ~ /[^[:space:]]/) printf "%s%c", buf, 0 }
    ' "$1"
}

split_ok=1
statements=0
q "DROP DATABASE IF EXISTS naviyam_splitcheck; CREATE DATABASE naviyam_splitcheck CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" >/dev/null 2>&1
for file in "${FILES[@]}"; do
    while IFS= read -r -d '' statement; do
        # Skip chunks that are only comments and blank lines.
        if ! grep -qvE '^[[:space:]]*(--.*)?$' <<<"$statement"; then
            continue
        fi
        statements=$((statements + 1))
        # A delimiter that never occurs: the client sends the chunk as one statement, as a runner would.
        if ! output=$(db_in naviyam_splitcheck --delimiter='#~#' -e "$statement" 2>&1); then
            fail "line-split apply of $(basename "$file")" "$output"
            split_ok=0
            break 2
        fi
    done < <(split_statements "$file")
done
if ((split_ok)); then
    same=$(q "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'naviyam_splitcheck'")
    all=$(q "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'naviyam'")
    if [[ "$same" == "$all" ]]; then
        pass "line-split apply ($statements statements one by one) builds the same $all tables"
    else
        fail "line-split apply" "$same tables instead of $all"
    fi
fi
q "DROP DATABASE IF EXISTS naviyam_splitcheck" >/dev/null 2>&1

# ---------------------------------------------------------------------------------------------
# schema shape
# ---------------------------------------------------------------------------------------------
EXPECTED_TABLES="OrleansMembershipTable
OrleansMembershipVersionTable
OrleansQuery
OrleansRemindersTable
OrleansStorage
conversation_contexts
conversations
coupons
embedding_cache
feature_vectors
food_categories
foodcard_ledger
foodcard_users
menus
model_training_logs
nlu_training_data
performance_logs
product_orders
rag_query_cache
recommendation_features
recommendations_log
shop_hours
shops
user_coupon_wallet
user_interactions
user_journey_analytics
user_profiles
users"
check "all 28 tables exist (20 spec tables, shop_hours, foodcard_ledger, food_categories, 5 Orleans)" \
    "$EXPECTED_TABLES" \
    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'naviyam' ORDER BY BINARY TABLE_NAME"
check "every table is InnoDB utf8mb4_unicode_ci" "0" \
    "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'naviyam'
     AND (ENGINE <> 'InnoDB' OR TABLE_COLLATION <> 'utf8mb4_unicode_ci')"
check "no schema_migrations table from the migrations (the runner creates it)" "0" \
    "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'naviyam' AND TABLE_NAME = 'schema_migrations'"
check "partitioned tables: performance_logs, recommendations_log, user_interactions" \
    "performance_logs
recommendations_log
user_interactions" \
    "SELECT DISTINCT TABLE_NAME FROM information_schema.PARTITIONS
     WHERE TABLE_SCHEMA = 'naviyam' AND PARTITION_NAME IS NOT NULL ORDER BY TABLE_NAME"
check "partitioned tables take no part in any foreign key" "0" \
    "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS
     WHERE CONSTRAINT_SCHEMA = 'naviyam'
       AND (TABLE_NAME IN ('performance_logs', 'recommendations_log', 'user_interactions')
            OR REFERENCED_TABLE_NAME IN ('performance_logs', 'recommendations_log', 'user_interactions'))"
check "partitioned tables: every unique key contains created_at" "0" \
    "SELECT COUNT(*) FROM (
        SELECT s.TABLE_NAME, s.INDEX_NAME FROM information_schema.STATISTICS s
        WHERE s.TABLE_SCHEMA = 'naviyam' AND s.NON_UNIQUE = 0
          AND s.TABLE_NAME IN ('performance_logs', 'recommendations_log', 'user_interactions')
        GROUP BY s.TABLE_NAME, s.INDEX_NAME
        HAVING SUM(s.COLUMN_NAME = 'created_at') = 0) AS keys_without_partition_column"
check "user_profiles has exactly one primary key: user_id" "user_id" \
    "SELECT GROUP_CONCAT(COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE
     WHERE TABLE_SCHEMA = 'naviyam' AND TABLE_NAME = 'user_profiles' AND CONSTRAINT_NAME = 'PRIMARY'"
check "user_coupon_wallet has no unique key on (user_id, coupon_id, status)" "0" \
    "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'naviyam'
     AND TABLE_NAME = 'user_coupon_wallet' AND NON_UNIQUE = 0 AND COLUMN_NAME IN ('coupon_id', 'status')"

# ---------------------------------------------------------------------------------------------
# catalog
# ---------------------------------------------------------------------------------------------
check "food_categories holds the 13 categories plus Other" "14" "SELECT COUNT(*) FROM food_categories"
check "shop insert: shop_key generated as source:source_id" "jeju:J-1	U" \
    "INSERT INTO shops (source, source_id, shop_name, category, source_category, latitude, longitude)
     VALUES ('jeju', 'J-1', '김밥천국 제주점', 'Bunsik', '분식', 33.49962000, 126.53119000);
     SELECT shop_key, meal_card_acceptance FROM shops WHERE source = 'jeju' AND source_id = 'J-1'"
check_error "shops: duplicate (source, source_id) rejected" 1062 \
    "INSERT INTO shops (source, source_id, shop_name) VALUES ('jeju', 'J-1', 'copy')"
check "shops: same source_id under another source accepted" "1" \
    "INSERT INTO shops (source, source_id, shop_name, synthetic) VALUES ('synthetic', 'J-1', 'test', TRUE);
     SELECT ROW_COUNT()"
check_error "shops: unknown category rejected (foreign key to food_categories)" 1452 \
    "INSERT INTO shops (source, source_id, shop_name, category) VALUES ('jeju', 'J-2', 'x', 'Sushi')"
check_error "shops: meal_card_acceptance outside Y/N/P/U rejected" 1265 \
    "INSERT INTO shops (source, source_id, shop_name, meal_card_acceptance) VALUES ('jeju', 'J-3', 'x', 'X')"
check_error "shops: latitude out of range rejected" 4025 \
    "INSERT INTO shops (source, source_id, shop_name, latitude, longitude) VALUES ('jeju', 'J-4', 'x', 95, 126)"
check_error "shops: latitude without longitude rejected" 4025 \
    "INSERT INTO shops (source, source_id, shop_name, latitude) VALUES ('jeju', 'J-5', 'x', 33.5)"
check "shops: approximate position with its area accepted (V014)" "1	서울특별시 은평구 불광동" \
    "INSERT INTO shops (source, source_id, shop_name, latitude, longitude, location_approximate, approximate_area)
     VALUES ('seoul', 'S-1', '김밥천국', 37.61, 126.93, TRUE, '서울특별시 은평구 불광동');
     SELECT location_approximate, approximate_area FROM shops WHERE shop_key = 'seoul:S-1'"
check "shops: a position is the shop's own unless flagged (V014)" "0	NULL" \
    "SELECT location_approximate, IFNULL(approximate_area, 'NULL') FROM shops WHERE shop_key = 'jeju:J-1'"
check_error "shops: approximate flag without coordinates rejected (V014)" 4025 \
    "INSERT INTO shops (source, source_id, shop_name, location_approximate) VALUES ('seoul', 'S-2', 'x', TRUE)"
check_error "shops: an area named for a position that is not approximate rejected (V014)" 4025 \
    "INSERT INTO shops (source, source_id, shop_name, latitude, longitude, approximate_area) VALUES ('seoul', 'S-3', 'x', 37.5, 127.0, '서울특별시 중구')"

# 2,000 synthetic shops on a grid (seq_1_to_2000 is the MariaDB sequence engine).
q "INSERT INTO shops (source, source_id, shop_name, synthetic, latitude, longitude)
   SELECT 'bbox', CONCAT('B-', seq), CONCAT('shop ', seq), TRUE, 33.0 + (seq MOD 100) * 0.01, 126.0 + (seq DIV 100) * 0.01
   FROM seq_1_to_2000;
   ANALYZE TABLE shops PERSISTENT FOR ALL" >/dev/null
bbox_plan=$(q "EXPLAIN FORMAT=JSON SELECT id FROM shops
               WHERE latitude BETWEEN 33.10 AND 33.15 AND longitude BETWEEN 126.05 AND 126.10")
if grep -q '"key": "idx_shops_lat_lng"' <<<"$bbox_plan"; then
    pass "bounding-box plan: key idx_shops_lat_lng"
else
    fail "bounding-box plan: key idx_shops_lat_lng" "$bbox_plan"
fi
check "bounding-box search result" "36" \
    "SELECT COUNT(*) FROM shops WHERE latitude BETWEEN 33.10 AND 33.15 AND longitude BETWEEN 126.05 AND 126.10"

SHOP=$(q "SELECT id FROM shops WHERE shop_key = 'jeju:J-1'")
check "shop_hours: overnight day (17:00 to 05:00 next day) accepted" "1020	1740" \
    "INSERT INTO shop_hours (shop_id, weekday, open_minute, close_minute) VALUES ($SHOP, 5, 1020, 1740);
     SELECT open_minute, close_minute FROM shop_hours WHERE shop_id = $SHOP AND weekday = 5"
check "shop_hours: day with a break and a closed day accepted" "2" \
    "INSERT INTO shop_hours (shop_id, weekday, open_minute, close_minute, break_start_minute, break_end_minute)
     VALUES ($SHOP, 1, 660, 1230, 900, 990);
     INSERT INTO shop_hours (shop_id, weekday, is_closed) VALUES ($SHOP, 0, TRUE);
     SELECT COUNT(*) FROM shop_hours WHERE shop_id = $SHOP AND weekday IN (0, 1)"
check_error "shop_hours: close before open rejected" 4025 \
    "INSERT INTO shop_hours (shop_id, weekday, open_minute, close_minute) VALUES ($SHOP, 2, 600, 540)"
check_error "shop_hours: break outside opening hours rejected" 4025 \
    "INSERT INTO shop_hours (shop_id, weekday, open_minute, close_minute, break_start_minute, break_end_minute)
     VALUES ($SHOP, 3, 660, 900, 880, 960)"
check_error "shop_hours: break start without break end rejected" 4025 \
    "INSERT INTO shop_hours (shop_id, weekday, open_minute, close_minute, break_start_minute) VALUES ($SHOP, 3, 660, 900, 700)"
check_error "shop_hours: closed day with times rejected" 4025 \
    "INSERT INTO shop_hours (shop_id, weekday, is_closed, open_minute, close_minute) VALUES ($SHOP, 4, TRUE, 600, 900)"
check_error "shop_hours: weekday 7 rejected" 4025 \
    "INSERT INTO shop_hours (shop_id, weekday, is_closed) VALUES ($SHOP, 7, TRUE)"
check_error "shop_hours: second row for the same weekday rejected" 1062 \
    "INSERT INTO shop_hours (shop_id, weekday, is_closed) VALUES ($SHOP, 5, TRUE)"

check "menus: unpriced item (변동가격) accepted with NULL price" "drink	NULL	변동가격" \
    "INSERT INTO menus (shop_id, menu_name, kind, price, price_text) VALUES ($SHOP, '생과일주스', 'drink', NULL, '변동가격');
     INSERT INTO menus (shop_id, menu_name, kind, price) VALUES ($SHOP, '김밥', 'meal', 3500);
     SELECT kind, IFNULL(price, 'NULL'), price_text FROM menus WHERE shop_id = $SHOP AND menu_name = '생과일주스'"
check_error "menus: negative price rejected" 4025 \
    "INSERT INTO menus (shop_id, menu_name, price) VALUES ($SHOP, 'x', -1)"
check "menus: alcohol and shared_set kinds accepted (V013)" "alcohol
shared_set" \
    "INSERT INTO menus (shop_id, menu_name, kind, price) VALUES ($SHOP, '소주', 'alcohol', 5000), ($SHOP, '2인 세트', 'shared_set', 30000);
     SELECT kind FROM menus WHERE shop_id = $SHOP AND kind IN ('alcohol', 'shared_set') ORDER BY kind"
check_error "menus: kind outside the MenuKind names rejected" 1265 \
    "INSERT INTO menus (shop_id, menu_name, kind, price) VALUES ($SHOP, 'x', 'snack', 1000)"

# ---------------------------------------------------------------------------------------------
# users, cards, ledger
# ---------------------------------------------------------------------------------------------
q "INSERT INTO users (user_id, nickname, age_group) VALUES ('kid-1', '나비', '10대'), ('kid-2', NULL, NULL);
   INSERT INTO foodcard_users (user_id, card_number, balance, target_age_group) VALUES ('kid-1', '9410123412341234', 0, '어린이')" \
    >/dev/null
# foodcard_apply returns: applied, balance, error, replayed, ledger_id
check "foodcard_apply: credit applied" "1	10000	NULL	0	1" \
    "CALL foodcard_apply('kid-1', 10000, 'topup-2026-11', 'monthly top-up')"
check "foodcard_apply: debit applied" "1	3000	NULL	0	2" \
    "CALL foodcard_apply('kid-1', -7000, 'turn-42', 'lunch at 김밥천국')"
check "foodcard_apply: debit retried with the same key is applied once" "1	3000	NULL	1	2" \
    "CALL foodcard_apply('kid-1', -7000, 'turn-42', 'lunch at 김밥천국')"
check "foodcard_apply: overdraft refused" "0	3000	INSUFFICIENT_BALANCE	0	NULL" \
    "CALL foodcard_apply('kid-1', -5000, 'turn-43', 'dinner')"
check "foodcard_apply: same key with another amount refused" "0	3000	KEY_REUSED	0	2" \
    "CALL foodcard_apply('kid-1', -1000, 'turn-42', 'lunch')"
check "foodcard_apply: user without a card refused" "0	0	NO_CARD	0	NULL" \
    "CALL foodcard_apply('kid-2', 1000, 'k', 'x')"
check "ledger: two entries, balance_after matches the card" "10000,-7000	3000	3000" \
    "SELECT GROUP_CONCAT(amount ORDER BY id), MAX(CASE WHEN amount < 0 THEN balance_after END),
            (SELECT balance FROM foodcard_users WHERE user_id = 'kid-1')
     FROM foodcard_ledger WHERE user_id = 'kid-1'"
check_error "ledger: UPDATE refused (append-only)" 1644 \
    "UPDATE foodcard_ledger SET amount = 1 WHERE user_id = 'kid-1'"
check_error "ledger: DELETE refused (append-only)" 1644 \
    "DELETE FROM foodcard_ledger WHERE user_id = 'kid-1'"
check_error "ledger: duplicate idempotency key for the same card rejected" 1062 \
    "INSERT INTO foodcard_ledger (user_id, amount, balance_after, reason, idempotency_key)
     VALUES ('kid-1', 1, 3001, 'x', 'turn-42')"
check_error "foodcard_users: negative balance rejected" 4025 \
    "UPDATE foodcard_users SET balance = -1 WHERE user_id = 'kid-1'"
check_error "foodcard_users: card for an unknown user rejected" 1452 \
    "INSERT INTO foodcard_users (user_id, card_number) VALUES ('nobody', '1')"

# ---------------------------------------------------------------------------------------------
# coupons, orders, wallet
# ---------------------------------------------------------------------------------------------
q "INSERT INTO coupons (id, coupon_name, discount_amount, usage_type, valid_from, valid_until)
   VALUES ('FOOD10', '급식카드 1000원 할인', 1000, 'FOODCARD', '2026-01-01', '2026-12-31')" >/dev/null
check "orders: order linked to its card debit" "1" \
    "INSERT INTO product_orders (user_id, product_id, shop_id, menu_name, price, foodcard_ledger_id)
     SELECT 'kid-1', m.id, m.shop_id, m.menu_name, 7000, l.id
     FROM menus m JOIN foodcard_ledger l ON l.idempotency_key = 'turn-42'
     WHERE m.menu_name = '김밥';
     SELECT COUNT(*) FROM product_orders WHERE foodcard_ledger_id IS NOT NULL"
check "orders: a new order is PLACED (V015)" "PLACED" \
    "SELECT status FROM product_orders WHERE foodcard_ledger_id IS NOT NULL"
check_error "orders: CANCELLED without cancelled_at rejected (V015)" 4025 \
    "UPDATE product_orders SET status = 'CANCELLED' WHERE foodcard_ledger_id IS NOT NULL"
check_error "orders: status outside PLACED/ACCEPTED/CANCELLED rejected (V015)" 4025 \
    "UPDATE product_orders SET status = 'COOKING' WHERE foodcard_ledger_id IS NOT NULL"
check_error "orders: a refund on an order that is not cancelled rejected (V015)" 4025 \
    "UPDATE product_orders SET refund_ledger_id = foodcard_ledger_id WHERE foodcard_ledger_id IS NOT NULL"
check "orders: ACCEPTED with accepted_at accepted (V015)" "ACCEPTED" \
    "UPDATE product_orders SET status = 'ACCEPTED', accepted_at = '2026-11-02 12:05:00' WHERE foodcard_ledger_id IS NOT NULL;
     SELECT status FROM product_orders WHERE foodcard_ledger_id IS NOT NULL"
check "wallet: the same coupon used twice, in two wallet rows" "2" \
    "INSERT INTO user_coupon_wallet (user_id, coupon_id, status, usage_date, used_shop_id, discount_applied)
     VALUES ('kid-1', 'FOOD10', 'USED', '2026-11-02 12:00:00', $SHOP, 1000),
            ('kid-1', 'FOOD10', 'USED', '2026-11-09 12:00:00', $SHOP, 1000);
     SELECT COUNT(*) FROM user_coupon_wallet WHERE user_id = 'kid-1' AND coupon_id = 'FOOD10' AND status = 'USED'"
check "wallet: two active copies of the same coupon allowed" "2" \
    "INSERT INTO user_coupon_wallet (user_id, coupon_id) VALUES ('kid-1', 'FOOD10'), ('kid-1', 'FOOD10');
     SELECT COUNT(*) FROM user_coupon_wallet WHERE user_id = 'kid-1' AND status = 'ACTIVE'"
check_error "wallet: issuing twice with one issue_key rejected" 1062 \
    "INSERT INTO user_coupon_wallet (user_id, coupon_id, issue_key) VALUES ('kid-1', 'FOOD10', 'welcome-kid-1'),
                                                                           ('kid-1', 'FOOD10', 'welcome-kid-1')"
check_error "wallet: USED without usage_date rejected" 4025 \
    "INSERT INTO user_coupon_wallet (user_id, coupon_id, status) VALUES ('kid-1', 'FOOD10', 'USED')"
check_error "wallet: unknown coupon rejected" 1452 \
    "INSERT INTO user_coupon_wallet (user_id, coupon_id) VALUES ('kid-1', 'NOPE')"
check_error "coupons: discount rate above 1 rejected" 4025 \
    "INSERT INTO coupons (id, coupon_name, discount_rate) VALUES ('BAD', 'bad', 1.5)"

# ---------------------------------------------------------------------------------------------
# conversations and logs
# ---------------------------------------------------------------------------------------------
check "conversations: a turn is stored with intent and entities" "budget_inquiry	5000" \
    "INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply, intent, intent_confidence, entities)
     VALUES ('s-1', 't-1', 'kid-1', '배고픈데 5천원밖에 없어', '5천원으로 먹을 수 있는 곳을 찾았어요', 'budget_inquiry', 0.910,
             '{\"budget\": 5000, \"urgency\": \"high\"}');
     SELECT intent, JSON_VALUE(entities, '$.budget') FROM conversations WHERE session_id = 's-1' AND turn_id = 't-1'"
check_error "conversations: duplicate (session_id, turn_id) rejected" 1062 \
    "INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply) VALUES ('s-1', 't-1', 'kid-1', 'again', 'again')"
check "conversations: same turn id in another session, next turn in the same session accepted" "3" \
    "INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply)
     VALUES ('s-2', 't-1', 'kid-2', 'hi', 'hello'), ('s-1', 't-2', 'kid-1', 'more', 'ok');
     SELECT COUNT(*) FROM conversations"
check "conversations: ids are exact (turn T-1 is not turn t-1)" "4" \
    "INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply) VALUES ('s-1', 'T-1', 'kid-1', 'x', 'y');
     SELECT COUNT(*) FROM conversations"
check_error "JSON columns reject invalid JSON" 4025 \
    "INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply, entities) VALUES ('s-3', 't-1', 'u', 'x', 'y', '{bad')"
check "performance_logs (partitioned): row stored in partition p202611 with microsecond stages" "1	245200	245" \
    "INSERT INTO performance_logs (created_at, operation_type, session_id, turn_id, preprocess_us, context_us, nlu_us,
                                   rag_us, features_us, ranking_us, coupons_us, response_us, logging_us, total_us)
     VALUES ('2026-11-26 09:30:00.123456', 'chat_turn', 's-1', 't-1', 120, 80, 32000, 78000, 40000, 49000, 900, 44000, 300, 245200);
     SELECT COUNT(*), MAX(total_us), MAX(total_ms) FROM performance_logs PARTITION (p202611)"
pruned=$(q "EXPLAIN PARTITIONS SELECT COUNT(*) FROM performance_logs
            WHERE created_at >= '2026-11-26' AND created_at < '2026-11-27'" | cut -f4)
if [[ "$pruned" == "p202611" ]]; then
    pass "performance_logs: a one-day query reads only partition p202611"
else
    fail "performance_logs: a one-day query reads only partition p202611" "partitions [$pruned]"
fi
check "user_interactions and recommendations_log (partitioned) accept rows, far future in p_future" "1	1" \
    "INSERT INTO user_interactions (user_id, session_id, turn_id, created_at, interaction_type, satisfaction_score)
     VALUES ('kid-1', 's-1', 't-1', '2031-05-05 10:00:00', 'feedback', 5);
     INSERT INTO recommendations_log (user_id, session_id, turn_id, recommendations, recommendation_count)
     VALUES ('kid-1', 's-1', 't-1', '[{\"shop_id\": 1, \"score\": 0.92, \"ranking\": 1}]', 1);
     SELECT (SELECT COUNT(*) FROM user_interactions PARTITION (p_future)), (SELECT COUNT(*) FROM recommendations_log)"
check_error "performance_logs: negative stage time rejected" 4025 \
    "INSERT INTO performance_logs (operation_type, nlu_us) VALUES ('chat_turn', -5)"

# ---------------------------------------------------------------------------------------------
# caches, features, profiles
# ---------------------------------------------------------------------------------------------
check "rag_query_cache: expires_at = created_at + ttl_seconds" "2026-11-26 11:00:00.000000" \
    "INSERT INTO rag_query_cache (query_hash, original_query, normalized_query, created_at, ttl_seconds)
     VALUES (SHA2('5천원 김밥', 256), '5천원 김밥', '5천원 김밥', '2026-11-26 10:00:00', 3600);
     SELECT expires_at FROM rag_query_cache"
check_error "rag_query_cache: hash that is not lowercase hex SHA-256 rejected" 4025 \
    "INSERT INTO rag_query_cache (query_hash, original_query, normalized_query) VALUES (REPEAT('Z', 64), 'q', 'q')"
check "embedding_cache: one content, two models are two rows" "2" \
    "INSERT INTO embedding_cache (content_hash, content_type, original_content, embedding_vector, embedding_model, embedding_dimension)
     VALUES (SHA2('김밥', 256), 'menu_description', '김밥', '[0.1, 0.2]', 'model-a', 2),
            (SHA2('김밥', 256), 'menu_description', '김밥', '[0.3, 0.4, 0.5]', 'model-b', 3);
     SELECT COUNT(*) FROM embedding_cache"
check_error "embedding_cache: same content and model twice rejected" 1062 \
    "INSERT INTO embedding_cache (content_hash, content_type, original_content, embedding_vector, embedding_model)
     VALUES (SHA2('김밥', 256), 'menu_description', '김밥', '[0.1]', 'model-a')"
check "nlu_training_data: cache lookup by normalized text" "budget_inquiry" \
    "INSERT INTO nlu_training_data (input_text, normalized_text, predicted_intent, quality_score)
     VALUES ('배고픈데 5천원밖에 없어', '배고프다 5천원 없다', 'budget_inquiry', 0.95);
     SELECT predicted_intent FROM nlu_training_data
     WHERE normalized_text_hash = UNHEX(SHA2('배고프다 5천원 없다', 256)) AND quality_score > 0.8"
check_error "feature_vectors: one row per entity and feature version" 1062 \
    "INSERT INTO feature_vectors (entity_type, entity_id, feature_version) VALUES ('user', 'kid-1', 'v1'), ('user', 'kid-1', 'v1')"
check_error "user_profiles: one profile per user_id" 1062 \
    "INSERT INTO user_profiles (user_id, age_group) VALUES ('kid-1', 'child'), ('kid-1', 'teen')"
check_error "user_profiles: age_group outside child/teen/adult rejected" 4025 \
    "INSERT INTO user_profiles (user_id, age_group) VALUES ('kid-9', 'baby')"

# ---------------------------------------------------------------------------------------------
# Orleans query catalogue
# ---------------------------------------------------------------------------------------------
CLUSTERING_KEYS="CleanupDefunctSiloEntriesKey DeleteMembershipTableEntriesKey GatewaysQueryKey InsertMembershipKey InsertMembershipVersionKey MembershipReadAllKey MembershipReadRowKey UpdateIAmAlivetimeKey UpdateMembershipKey"
PERSISTENCE_KEYS="ClearStorageKey ReadFromStorageKey WriteToStorageKey"
REMINDER_KEYS="DeleteReminderRowKey DeleteReminderRowsKey ReadRangeRows1Key ReadRangeRows2Key ReadReminderRowKey ReadReminderRowsKey UpsertReminderRowKey"
OPTIONAL_KEYS="CleanupDefunctSiloEntryKey DeleteStorageKey"
for group in CLUSTERING_KEYS PERSISTENCE_KEYS REMINDER_KEYS OPTIONAL_KEYS; do
    missing=""
    for key in ${!group}; do
        [[ $(q "SELECT COUNT(*) FROM OrleansQuery WHERE QueryKey = '$key'") == 1 ]] || missing+=" $key"
    done
    if [[ -z "$missing" ]]; then
        pass "OrleansQuery has every ${group%_KEYS} key"
    else
        fail "OrleansQuery has every ${group%_KEYS} key" "missing:$missing"
    fi
done
check "OrleansQuery has no other keys" "21" "SELECT COUNT(*) FROM OrleansQuery"
check "OrleansQuery texts hold no semicolon" "0" "SELECT COUNT(*) FROM OrleansQuery WHERE QueryText LIKE '%;%'"

# Parameters each provider binds per key (Orleans 10.4.2). A text may use fewer, never others:
# MySqlConnector rejects an @name it was not given.
declare -A BOUND=(
    [InsertMembershipVersionKey]="DeploymentId"
    [InsertMembershipKey]="DeploymentId IAmAliveTime SiloName HostName Address Port Generation StartTime Status ProxyPort Version"
    [UpdateMembershipKey]="DeploymentId Address Port Generation IAmAliveTime Status SuspectTimes Version"
    [UpdateIAmAlivetimeKey]="DeploymentId Address Port Generation IAmAliveTime"
    [GatewaysQueryKey]="DeploymentId Status"
    [MembershipReadRowKey]="DeploymentId Address Port Generation"
    [MembershipReadAllKey]="DeploymentId"
    [DeleteMembershipTableEntriesKey]="DeploymentId"
    [CleanupDefunctSiloEntriesKey]="DeploymentId IAmAliveTime"
    [CleanupDefunctSiloEntryKey]="DeploymentId Address Port Generation SuspectTimes StartTime IAmAliveTime"
    [ReadFromStorageKey]="GrainIdHash GrainIdN0 GrainIdN1 GrainTypeHash GrainTypeString GrainIdExtensionString ServiceId"
    [WriteToStorageKey]="GrainIdHash GrainIdN0 GrainIdN1 GrainTypeHash GrainTypeString GrainIdExtensionString ServiceId GrainStateVersion PayloadBinary"
    [ClearStorageKey]="GrainIdHash GrainIdN0 GrainIdN1 GrainTypeHash GrainTypeString GrainIdExtensionString ServiceId GrainStateVersion"
    [DeleteStorageKey]="GrainIdHash GrainIdN0 GrainIdN1 GrainTypeHash GrainTypeString GrainIdExtensionString ServiceId GrainStateVersion"
    [ReadReminderRowsKey]="ServiceId GrainId"
    [ReadReminderRowKey]="ServiceId GrainId ReminderName"
    [ReadRangeRows1Key]="ServiceId BeginHash EndHash"
    [ReadRangeRows2Key]="ServiceId BeginHash EndHash"
    [UpsertReminderRowKey]="ServiceId GrainHash GrainId ReminderName StartTime Period"
    [DeleteReminderRowKey]="ServiceId GrainId ReminderName Version"
    [DeleteReminderRowsKey]="ServiceId"
)
params_ok=1
for key in "${!BOUND[@]}"; do
    text=$(q "SELECT QueryText FROM OrleansQuery WHERE QueryKey = '$key'")
    for used in $(grep -oE '@[A-Za-z0-9_]+' <<<"$text" | sort -u | tr -d '@'); do
        if [[ " ${BOUND[$key]} " != *" $used "* ]]; then
            fail "Orleans parameters of $key" "@$used is not bound by the provider"
            params_ok=0
        fi
    done
done
((params_ok)) && pass "every @parameter in every query text is one the provider binds for that key"

# Runs the stored query text of KEY after the SET statement in $2 (user variables play the
# provider parameters: the texts are executed exactly as stored).
orleans() {
    local text
    text=$(q "SELECT QueryText FROM OrleansQuery WHERE QueryKey = '$1'")
    q "$2 $text"
}

# check_orleans NAME EXPECTED KEY SETS: rows compared in any order (Orleans sets no ORDER BY).
check_orleans() {
    local name="$1" expected="$2" actual
    actual=$(orleans "$3" "$4" 2>&1 | LC_ALL=C sort)
    expected=$(LC_ALL=C sort <<<"$expected")
    if [[ "$actual" == "$expected" ]]; then
        pass "$name"
    else
        fail "$name" "expected [$expected], got [$actual]"
    fi
}

# ---------------------------------------------------------------------------------------------
# Orleans grain persistence
# ---------------------------------------------------------------------------------------------
GRAIN="SET @GrainIdHash = -1786543210, @GrainTypeHash = 912345678, @GrainIdN0 = 0, @GrainIdN1 = 0,
           @GrainTypeString = 'Naviyam.Grains.ProfileGrain', @GrainIdExtensionString = 'kid-1',
           @ServiceId = 'naviyam';"
check_orleans "persistence: read of a grain never written returns no row" "" ReadFromStorageKey "$GRAIN"
check_orleans "persistence: first write (no ETag) returns version 1" "1" WriteToStorageKey \
    "$GRAIN SET @GrainStateVersion = NULL, @PayloadBinary = CAST('{\"v\":1}' AS BINARY);"
check_orleans "persistence: a second first write (no ETag) is rejected (NULL)" "NULL" WriteToStorageKey \
    "$GRAIN SET @GrainStateVersion = NULL, @PayloadBinary = CAST('{\"v\":\"other\"}' AS BINARY);"
check_orleans "persistence: write with the current ETag 1 returns version 2" "2" WriteToStorageKey \
    "$GRAIN SET @GrainStateVersion = 1, @PayloadBinary = CAST('{\"v\":2}' AS BINARY);"
check_orleans "persistence: write with the stale ETag 1 is rejected (returns 1, no new version)" "1" WriteToStorageKey \
    "$GRAIN SET @GrainStateVersion = 1, @PayloadBinary = CAST('{\"v\":\"stale\"}' AS BINARY);"
check_orleans "persistence: a stale write changed nothing (payload and version of write 2)" '{"v":2}	2' \
    ReadFromStorageKey "$GRAIN"
check_orleans "persistence: another extension of the same key is another grain" "" ReadFromStorageKey \
    "$GRAIN SET @GrainIdExtensionString = NULL;"
check_orleans "persistence: colliding hashes with another grain id stay separate" "1" WriteToStorageKey \
    "$GRAIN SET @GrainIdExtensionString = 'kid-2', @GrainStateVersion = NULL, @PayloadBinary = CAST('{\"kid\":2}' AS BINARY);"
check_orleans "persistence: reading one of two colliding grains returns its own row" '{"v":2}	2' \
    ReadFromStorageKey "$GRAIN"
check_orleans "persistence: clear with a stale ETag is rejected" "1" ClearStorageKey "$GRAIN SET @GrainStateVersion = 1;"
check_orleans "persistence: clear with the current ETag returns version 3" "3" ClearStorageKey "$GRAIN SET @GrainStateVersion = 2;"
check_orleans "persistence: a cleared state reads as NULL payload with its version" "NULL	3" ReadFromStorageKey "$GRAIN"
check_orleans "persistence: write after clear continues the version" "4" WriteToStorageKey \
    "$GRAIN SET @GrainStateVersion = 3, @PayloadBinary = CAST('{\"v\":4}' AS BINARY);"
check_orleans "persistence: delete with a stale ETag is rejected" "3" DeleteStorageKey "$GRAIN SET @GrainStateVersion = 3;"
check_orleans "persistence: delete with the current ETag returns version + 1" "5" DeleteStorageKey "$GRAIN SET @GrainStateVersion = 4;"
check_orleans "persistence: deleted state reads as no row" "" ReadFromStorageKey "$GRAIN"
check_orleans "persistence: first write after delete returns version 1" "1" WriteToStorageKey \
    "$GRAIN SET @GrainStateVersion = NULL, @PayloadBinary = CAST('{}' AS BINARY);"
check "persistence: one row per grain identity" "2" "SELECT COUNT(*) FROM OrleansStorage"

# ---------------------------------------------------------------------------------------------
# Orleans clustering
# ---------------------------------------------------------------------------------------------
CLUSTER="SET @DeploymentId = 'naviyam-dev';"
SILO_A="$CLUSTER SET @Address = '10.0.0.1', @Port = 11111, @Generation = 501, @SiloName = 'silo-a', @HostName = 'host-a',
        @ProxyPort = 30000, @StartTime = '2026-11-26 09:00:00.000000', @IAmAliveTime = '2026-11-26 09:00:01.000000';"
SILO_B="$CLUSTER SET @Address = '10.0.0.2', @Port = 11111, @Generation = 502, @SiloName = 'silo-b', @HostName = 'host-b',
        @ProxyPort = 0, @StartTime = '2026-11-26 09:00:00.000000', @IAmAliveTime = '2026-11-26 09:00:02.000000';"
check_orleans "clustering: version row created once (1)" "1" InsertMembershipVersionKey "$CLUSTER"
check_orleans "clustering: version row not created twice (0)" "0" InsertMembershipVersionKey "$CLUSTER"
check_orleans "clustering: read-all of an empty cluster is one row with version 0 and no silo" \
    "naviyam-dev	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	0" MembershipReadAllKey "$CLUSTER"
check_orleans "clustering: insert silo A with table version 0 succeeds" "1" InsertMembershipKey \
    "$SILO_A SET @Status = 2, @Version = 0;"
check_orleans "clustering: insert silo B with the stale version 0 is rejected" "0" InsertMembershipKey \
    "$SILO_B SET @Status = 2, @Version = 0;"
check "clustering: the rejected insert left no row and no version bump" "1	1" \
    "SELECT (SELECT COUNT(*) FROM OrleansMembershipTable), (SELECT Version FROM OrleansMembershipVersionTable)"
check_orleans "clustering: insert silo B with version 1 succeeds" "1" InsertMembershipKey "$SILO_B SET @Status = 2, @Version = 1;"
check_orleans "clustering: inserting silo A again is rejected" "0" InsertMembershipKey "$SILO_A SET @Status = 2, @Version = 2;"
check "clustering: the duplicate insert did not bump the version" "2" "SELECT Version FROM OrleansMembershipVersionTable"
check_orleans "clustering: update silo A to Active with the stale version 1 is rejected" "0" UpdateMembershipKey \
    "$SILO_A SET @Status = 3, @SuspectTimes = NULL, @Version = 1;"
check_orleans "clustering: update silo A to Active with version 2 succeeds" "1" UpdateMembershipKey \
    "$SILO_A SET @Status = 3, @SuspectTimes = NULL, @Version = 2;"
check_orleans "clustering: update of a silo that has no row is rejected" "0" UpdateMembershipKey \
    "$CLUSTER SET @Address = '10.0.0.9', @Port = 1, @Generation = 1, @Status = 3, @SuspectTimes = NULL,
     @IAmAliveTime = '2026-11-26 09:00:00', @Version = 3;"
check "clustering: the rejected update did not bump the version" "3" "SELECT Version FROM OrleansMembershipVersionTable"
orleans UpdateIAmAlivetimeKey "$SILO_A SET @IAmAliveTime = '2026-11-26 09:05:00.250000';" >/dev/null
check "clustering: heartbeat moves IAmAliveTime and leaves the version alone" "2026-11-26 09:05:00.250000	3" \
    "SELECT IAmAliveTime, (SELECT Version FROM OrleansMembershipVersionTable)
     FROM OrleansMembershipTable WHERE Address = '10.0.0.1'"
check_orleans "clustering: gateways = active silos with a proxy port" "10.0.0.1	30000	501" GatewaysQueryKey \
    "$CLUSTER SET @Status = 3;"
check_orleans "clustering: read-row returns the silo and the table version" \
    "naviyam-dev	10.0.0.1	11111	501	silo-a	host-a	3	30000	NULL	2026-11-26 09:00:00.000000	2026-11-26 09:05:00.250000	3" \
    MembershipReadRowKey "$SILO_A"
check_orleans "clustering: read-row of an unknown silo returns the version row only" \
    "naviyam-dev	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	3" \
    MembershipReadRowKey "$CLUSTER SET @Address = '10.9.9.9', @Port = 1, @Generation = 1;"
check_orleans "clustering: silo B declared Dead with suspicions (version 3)" "1" UpdateMembershipKey \
    "$SILO_B SET @Status = 6, @SuspectTimes = '10.0.0.1:11111@501,2026-11-26 09:01:00.000 GMT', @Version = 3;"
orleans CleanupDefunctSiloEntryKey "$SILO_B SET @SuspectTimes = 'something else';" >/dev/null
check "clustering: per-row cleanup leaves a row that changed since it was read" "2" "SELECT COUNT(*) FROM OrleansMembershipTable"
orleans CleanupDefunctSiloEntryKey \
    "$SILO_B SET @SuspectTimes = '10.0.0.1:11111@501,2026-11-26 09:01:00.000 GMT';" >/dev/null
check "clustering: per-row cleanup deletes the Dead row it read" "10.0.0.1" "SELECT Address FROM OrleansMembershipTable"
orleans CleanupDefunctSiloEntriesKey "$CLUSTER SET @IAmAliveTime = '2030-01-01';" >/dev/null
check "clustering: set-based cleanup never deletes a silo that is not Dead" "1" "SELECT COUNT(*) FROM OrleansMembershipTable"
orleans DeleteMembershipTableEntriesKey "$CLUSTER" >/dev/null
check "clustering: deleting the cluster removes silo and version rows" "0	0" \
    "SELECT (SELECT COUNT(*) FROM OrleansMembershipTable), (SELECT COUNT(*) FROM OrleansMembershipVersionTable)"

# ---------------------------------------------------------------------------------------------
# Orleans reminders
# ---------------------------------------------------------------------------------------------
REMINDER="SET @ServiceId = 'naviyam', @GrainId = 'foodcard/kid-1', @ReminderName = 'monthly-topup',
              @StartTime = '2026-12-01 00:00:00', @Period = 2592000000, @GrainHash = -5;"
check_orleans "reminders: first upsert returns ETag 0" "0" UpsertReminderRowKey "$REMINDER"
check_orleans "reminders: second upsert returns ETag 1" "1" UpsertReminderRowKey "$REMINDER SET @Period = 86400000;"
check_orleans "reminders: read one reminder (columns GrainId, ReminderName, StartTime, Period, Version)" \
    "foodcard/kid-1	monthly-topup	2026-12-01 00:00:00.000000	86400000	1" ReadReminderRowKey "$REMINDER"
orleans UpsertReminderRowKey "SET @ServiceId = 'naviyam', @GrainId = 'profile/kid-1', @ReminderName = 'decay',
    @StartTime = '2026-12-01', @Period = 3600000, @GrainHash = 2000000000;" >/dev/null
orleans UpsertReminderRowKey "SET @ServiceId = 'naviyam', @GrainId = 'profile/kid-2', @ReminderName = 'decay',
    @StartTime = '2026-12-01', @Period = 3600000, @GrainHash = -2000000000;" >/dev/null
check_orleans "reminders: read all reminders of a grain" \
    "foodcard/kid-1	monthly-topup	2026-12-01 00:00:00.000000	86400000	1" ReadReminderRowsKey \
    "SET @ServiceId = 'naviyam', @GrainId = 'foodcard/kid-1';"
check_orleans "reminders: range (begin, end] without wrap (Rows1)" \
    "foodcard/kid-1	monthly-topup	2026-12-01 00:00:00.000000	86400000	1" ReadRangeRows1Key \
    "SET @ServiceId = 'naviyam', @BeginHash = -10, @EndHash = 1000;"
check_orleans "reminders: wrapping range (begin, max] + [min, end] (Rows2)" \
    "profile/kid-1	decay	2026-12-01 00:00:00.000000	3600000	0
profile/kid-2	decay	2026-12-01 00:00:00.000000	3600000	0" ReadRangeRows2Key \
    "SET @ServiceId = 'naviyam', @BeginHash = 1000, @EndHash = -10;"
check_orleans "reminders: delete with a stale ETag is refused (0)" "0" DeleteReminderRowKey "$REMINDER SET @Version = 0;"
check_orleans "reminders: delete with the current ETag succeeds (1)" "1" DeleteReminderRowKey "$REMINDER SET @Version = 1;"
orleans DeleteReminderRowsKey "SET @ServiceId = 'naviyam';" >/dev/null
check "reminders: delete-all of the service leaves nothing" "0" "SELECT COUNT(*) FROM OrleansRemindersTable"

# ---------------------------------------------------------------------------------------------
echo "RESULT: $PASSED passed, $FAILED failed"
((FAILED == 0))
