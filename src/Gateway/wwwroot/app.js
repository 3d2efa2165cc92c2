"use strict";

// The chat page: signs in (a development token, or a token the operator gave), talks to /hubs/chat over SignalR,
// shows each reply's text once and its picks as cards. No framework and no third-party script besides the SignalR client.
const state = {
  connection: null,
  tokenSource: null,         // () => Promise<string>: asked again on every (re)connect
  userId: null,
  sessionId: "web-" + Math.random().toString(36).slice(2, 12),
  location: null,
  watch: null,
  pending: null,             // the message being sent, resent with the same turn id after a reconnect
  feedbackAvailable: true,   // false once the hub says it has no SendFeedback
};
const $ = (id) => document.getElementById(id);
const won = (amount) => `${amount.toLocaleString("ko-KR")}원`;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function show(text, kind) {
  const item = element("li", kind, text);
  $("messages").appendChild(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function setStatus(text, kind) {
  const status = $("status");
  status.textContent = text;
  status.className = "status " + kind;
}

function setConnected(connected) {
  for (const control of [$("text"), $("send"), ...document.querySelectorAll(".chip")]) {
    control.disabled = !connected;
  }
}

// ---- Reply rendering ----

function distanceText(pick) {
  if (pick.distanceMeters == null) {
    return null;
  }
  const meters = pick.distanceMeters;
  const text = meters < 1000 ? `${meters.toLocaleString("ko-KR")}m` : `${(meters / 1000).toFixed(1)}km`;
  return (pick.distanceApproximate ? "약 " : "") + text;
}

function openText(pick) {
  if (pick.open === true) {
    return { text: "영업 중", kind: "open" };
  }
  if (pick.open === false) {
    return { text: "문 닫음", kind: "closed" };
  }
  return { text: "영업시간 확인 필요", kind: "unknown" };
}

// geo: opens the phone's own map app; the web search link works everywhere else. Neither loads anything into this page.
function mapLinks(pick) {
  const links = element("p", "maps");
  if (pick.latitude != null && pick.longitude != null) {
    const geo = element("a", "map-link", "지도 앱에서 열기");
    const point = `${pick.latitude},${pick.longitude}`;
    geo.href = `geo:${point}?q=${point}(${encodeURIComponent(pick.shopName)})`;
    links.appendChild(geo);
  }
  const web = element("a", "map-link", "웹 지도에서 찾기");
  web.href = "https://map.kakao.com/link/search/" + encodeURIComponent([pick.shopName, pick.address].filter(Boolean).join(" "));
  web.target = "_blank";
  web.rel = "noopener noreferrer";
  links.appendChild(web);
  return links;
}

function card(pick, number, reply) {
  const label = number ? `${number}번 ${pick.shopName}` : pick.shopName;
  const item = element("article", "card");
  item.setAttribute("aria-label", label);
  item.dataset.shopId = pick.shopId;

  const head = element("div", "card-head");
  head.appendChild(element("h3", "shop", number ? `${number}. ${pick.shopName}` : pick.shopName));
  const open = openText(pick);
  head.appendChild(element("span", "badge " + open.kind, open.text));
  item.appendChild(head);

  const meal = element("p", "meal");
  if (pick.menuName) {
    meal.appendChild(element("span", "menu", pick.menuName));
  }
  if (pick.price != null) {
    const couponApplies = pick.couponName && pick.finalPrice != null && pick.finalPrice < pick.price;
    meal.appendChild(element(couponApplies ? "s" : "strong", "price", won(pick.price)));
    if (couponApplies) {
      meal.appendChild(element("strong", "final-price", won(pick.finalPrice)));
      item.appendChild(meal);
      item.appendChild(element("p", "coupon", `쿠폰 적용: ${pick.couponName} (−${won(pick.price - pick.finalPrice)})`));
    } else {
      item.appendChild(meal);
    }
  } else {
    meal.appendChild(element("span", "price unknown", "가격 정보 없음"));
    item.appendChild(meal);
  }

  const facts = [distanceText(pick), pick.hoursToday ? `오늘 ${pick.hoursToday}` : null].filter(Boolean);
  if (facts.length > 0) {
    item.appendChild(element("p", "facts", facts.join(" · ")));
  }
  if (pick.address) {
    item.appendChild(element("p", "address", pick.address));
  }
  if (pick.alternativeReason) {
    item.appendChild(element("p", "alternative", pick.alternativeReason));
  }
  const flags = (pick.flags || []).filter((flag) => flag !== "영업시간 확인 필요" && flag !== "가격 정보 없음");
  if (flags.length > 0) {
    item.appendChild(element("p", "flags", flags.join(" · ")));
  }
  item.appendChild(mapLinks(pick));

  const actions = element("div", "actions");
  const go = element("button", "go", "여기 갈래");
  go.type = "button";
  go.setAttribute("aria-label", `${label} 여기 갈래`);
  go.addEventListener("click", () => choose(item, pick, number, reply));
  const other = element("button", "other", "다른 데 보여줘");
  other.type = "button";
  other.setAttribute("aria-label", `${label} 말고 다른 데 보여줘`);
  other.addEventListener("click", () => dismiss(item, pick, number, reply));
  actions.append(go, other);
  item.appendChild(actions);
  return item;
}

// The reply names each pick on a numbered line ("1. 행복분식 …"); the cards show them, so those lines are left out of
// the text and the cards stand where the list stood, keeping the numbers the child can say ("2번으로 주문해 줘").
function splitText(text, picks) {
  const before = [];
  const after = [];
  const numbers = new Map();
  let listSeen = false;
  for (const line of text.split("\n")) {
    const numbered = /^(\d+)\.\s/.exec(line);
    const pick = numbered ? picks.find((p) => !numbers.has(p) && line.includes(p.shopName)) : null;
    if (pick) {
      numbers.set(pick, parseInt(numbered[1], 10));
      listSeen = true;
    } else {
      (listSeen ? after : before).push(line);
    }
  }
  return { before: before.join("\n").trim(), after: after.join("\n").trim(), numbers };
}

function renderReply(item, reply) {
  item.replaceChildren();
  const picks = [...(reply.recommendations || []), ...(reply.priceUnknown || [])];
  const { before, after, numbers } = splitText(reply.reply, picks);
  if (before) {
    item.appendChild(element("p", "text", before));
  }
  if (picks.length > 0) {
    const cards = element("div", "cards");
    const ordered = [...picks].sort((a, b) => (numbers.get(a) ?? 99) - (numbers.get(b) ?? 99));
    for (const pick of ordered) {
      cards.appendChild(card(pick, numbers.get(pick) ?? null, reply));
    }
    item.appendChild(cards);
  }
  if (after) {
    item.appendChild(element("p", "text", after));
  }
  item.dataset.turnId = reply.turnId;
  item.classList.add("done");
  if (reply.card) {
    showBalance(reply.card);
  }
  if (reply.order || reply.action === "balance") {
    refreshWallet();
  }
}

// ---- Feedback on a pick ----

// Records what the child did with a pick through the hub's SendFeedback. A hub without it (an older gateway) answers
// with an error; the page then stops asking and the buttons keep working as plain chat.
async function recordFeedback(pick, number, reply, action) {
  if (!state.feedbackAvailable || !state.connection) {
    return false;
  }
  try {
    await state.connection.invoke("SendFeedback", {
      sessionId: state.sessionId,
      turnId: reply.turnId,
      shopId: pick.shopId,
      kind: action === "select" ? "go" : "other",
    });
    return true;
  } catch (error) {
    if (/does not exist|unknown hub method/i.test(error.message)) {
      state.feedbackAvailable = false;
    }
    console.warn("feedback not recorded:", error.message);
    return false;
  }
}

// A card's button was pressed: both buttons are done, the card shows which, and the press is recorded.
async function press(item, pick, number, reply, action) {
  for (const button of item.querySelectorAll(".actions button")) {
    button.disabled = true;
  }
  item.classList.add(action === "select" ? "chosen" : "dismissed");
  const recorded = await recordFeedback(pick, number, reply, action);
  item.dataset.feedback = recorded ? "recorded" : "not-recorded";
}

async function choose(item, pick, number, reply) {
  await press(item, pick, number, reply, "select");
  const note = number
    ? `좋아요! ${pick.shopName}에 가는 거죠? 급식카드로 주문하려면 "${number}번으로 주문해 줘"라고 말해 줘요.`
    : `좋아요! ${pick.shopName}에 가는 거죠? 맛있게 먹어요.`;
  item.appendChild(element("p", "note", note));
}

async function dismiss(item, pick, number, reply) {
  await press(item, pick, number, reply, "dismiss");
  await sendText("다른 데 보여줘");
}

// ---- Card balance and coupons ----

function showBalance(card) {
  $("wallet").hidden = false;
  $("balance").textContent = !card.hasCard ? "카드 없음"
    : card.status !== "ACTIVE" ? `${won(card.balance)} (지금은 쓸 수 없어요)`
    : won(card.balance);
}

async function refreshWallet() {
  const headers = { Authorization: "Bearer " + (await state.tokenSource()) };
  try {
    const [card, wallet] = await Promise.all([
      fetch("api/me/card", { headers }).then((r) => (r.ok ? r.json() : null)),
      fetch("api/me/coupons", { headers }).then((r) => (r.ok ? r.json() : null)),
    ]);
    if (card) {
      showBalance(card);
    }
    if (wallet) {
      $("couponCount").textContent = wallet.coupons.length;
      $("couponList").replaceChildren(...wallet.coupons.map((coupon) => {
        const off = coupon.discountAmount != null ? `${won(coupon.discountAmount)} 할인`
          : coupon.discountRate != null ? `${Math.round(coupon.discountRate * 100)}% 할인` : "";
        const until = coupon.expiresAt ? ` · ${new Date(coupon.expiresAt).toLocaleDateString("ko-KR")}까지` : "";
        const min = coupon.minOrderAmount > 0 ? ` · ${won(coupon.minOrderAmount)} 이상` : "";
        return element("li", null, `${coupon.name} ${off}${min}${until}`);
      }));
    }
  } catch (error) {
    console.warn("wallet not refreshed:", error.message);
  }
}

// ---- Connection ----

async function devToken(userId) {
  const response = await fetch("api/auth/dev-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) {
    throw new Error(response.status === 404 ? "no_dev_token" : "sign_in_failed");
  }
  return (await response.json()).token;
}

// A reconnect keeps trying while the page is open: first quickly, then every 10 seconds.
const retryPolicy = { nextRetryDelayInMilliseconds: (context) => Math.min(1000 * 2 ** context.previousRetryCount, 10000) };

async function signIn(event) {
  event.preventDefault();
  const userId = $("userId").value.trim();
  const pasted = $("token").value.trim();
  if (pasted) {
    state.tokenSource = async () => pasted;
  } else {
    // A development token is asked for on every connect: a restarted development gateway signs with a new key.
    state.tokenSource = () => devToken(userId);
  }
  try {
    await state.tokenSource();
  } catch (error) {
    setStatus(error.message === "no_dev_token"
      ? "이 서버는 개발용 로그인을 쓰지 않아요. 받은 토큰으로 로그인해 주세요."
      : "로그인하지 못했어요. 사용자 ID를 확인해 주세요.", "offline");
    $("tokenBox").open = error.message === "no_dev_token";
    return;
  }
  if (state.connection) {
    await state.connection.stop();
  }
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("hubs/chat", { accessTokenFactory: () => state.tokenSource() })
    .withAutomaticReconnect(retryPolicy)
    .build();
  connection.onreconnecting(() => {
    setConnected(false);
    setStatus("연결이 잠깐 끊겼어요. 다시 연결하는 중이에요…", "reconnecting");
  });
  connection.onreconnected(() => {
    setConnected(true);
    setStatus("다시 연결됐어요! 이어서 말해 줘요.", "online");
    if (state.pending) {
      const pending = state.pending;
      state.pending = null;
      deliver(pending);
    }
  });
  connection.onclose(() => {
    setConnected(false);
    setStatus("연결이 끊겼어요. '연결'을 눌러 다시 연결해 줘요.", "offline");
  });
  state.connection = connection;
  state.userId = userId;
  setStatus("연결하는 중이에요…", "reconnecting");
  try {
    await connection.start();
  } catch (error) {
    setStatus("서버에 연결하지 못했어요. 잠시 뒤에 다시 눌러 줘요.", "offline");
    return;
  }
  setStatus(`${pasted ? "토큰" : userId}(으)로 연결됐어요`, "online");
  setConnected(true);
  $("text").focus();
  refreshWallet();
}

// One message: a bubble for the reply that fills as chunks arrive, then becomes the reply with its cards.
async function deliver(message) {
  const item = message.item ?? show("", "bot streaming");
  message.item = item;
  item.setAttribute("aria-busy", "true");
  item.textContent = "…";
  let text = "";
  state.pending = message;
  try {
    const reply = await new Promise((resolve, reject) => {
      let final = null;
      state.connection.stream("StreamMessage", message.body).subscribe({
        next: (part) => {
          if (part.type === "chunk") {
            text += part.text;
            item.textContent = text;
            item.dataset.chunks = String(Number(item.dataset.chunks ?? 0) + 1);
          } else if (part.type === "reply") {
            final = part.reply;
          }
        },
        complete: () => (final ? resolve(final) : reject(new Error("no reply"))),
        error: reject,
      });
    });
    state.pending = null;
    item.classList.remove("streaming");
    item.removeAttribute("aria-busy");
    renderReply(item, reply);
    item.scrollIntoView({ block: "end" });
  } catch (error) {
    if (state.connection.state !== signalR.HubConnectionState.Connected) {
      // The connection dropped mid-turn: the same turn id is sent again once it is back, and answered once.
      item.textContent = "연결이 돌아오면 이어서 답할게요…";
      return;
    }
    state.pending = null;
    item.removeAttribute("aria-busy");
    item.className = "error";
    item.textContent = "잠시 문제가 생겼어요. " + friendlyError(error.message);
  }
}

function friendlyError(message) {
  if (/invalid_input/.test(message)) {
    return "메시지를 다시 확인해 줘요.";
  }
  if (/forbidden_session/.test(message)) {
    return "이 대화는 다른 사람의 대화예요. 새로 연결해 줘요.";
  }
  return "조금 뒤에 다시 말해 줘요.";
}

async function sendText(text) {
  if (!text.trim() || !state.connection) {
    return;
  }
  show(text, "user");
  const age = parseInt($("userAge").value, 10);
  await deliver({
    body: {
      sessionId: state.sessionId,
      text,
      turnId: "t" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8),
      userAge: Number.isFinite(age) ? age : null,
      location: $("shareLocation").checked ? state.location : null,
    },
  });
}

async function send(event) {
  event.preventDefault();
  const text = $("text").value;
  $("text").value = "";
  await sendText(text);
  $("text").focus();
}

// Location is asked for only when the child ticks the box, and followed while it stays ticked, so "근처" means near.
function toggleLocation() {
  if (state.watch !== null) {
    navigator.geolocation.clearWatch(state.watch);
    state.watch = null;
    state.location = null;
  }
  if (!$("shareLocation").checked) {
    return;
  }
  if (!navigator.geolocation) {
    show("이 브라우저에서는 위치를 쓸 수 없어요. 동네 이름을 말해 주면 그 근처에서 찾아 줄게요.", "error");
    $("shareLocation").checked = false;
    return;
  }
  state.watch = navigator.geolocation.watchPosition(
    (position) => { state.location = { lat: position.coords.latitude, lng: position.coords.longitude }; },
    () => {
      show("위치를 가져오지 못했어요. 동네 이름을 말해 주면 그 근처에서 찾아 줄게요.", "error");
      $("shareLocation").checked = false;
      toggleLocation();
    });
}

$("shareLocation").addEventListener("change", toggleLocation);
$("signin").addEventListener("submit", signIn);
$("composer").addEventListener("submit", send);
for (const chip of document.querySelectorAll(".chip")) {
  chip.addEventListener("click", () => sendText(chip.dataset.text));
}
