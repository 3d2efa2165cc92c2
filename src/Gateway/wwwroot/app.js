"use strict";

// A minimal chat client: signs in with a development token, then talks to /hubs/chat over SignalR.
const state = { connection: null, sessionId: "web-" + Math.random().toString(36).slice(2, 12), location: null, watch: null };
const $ = (id) => document.getElementById(id);

function show(text, kind) {
  const item = document.createElement("li");
  item.className = kind;
  item.textContent = text;
  $("messages").appendChild(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function showReply(reply) {
  const item = show(reply.reply, "bot");
  for (const pick of reply.recommendations || []) {
    const card = document.createElement("div");
    card.className = "card";
    let price = pick.price ? `${pick.price.toLocaleString("ko-KR")}원` : "가격 정보 없음";
    if (pick.couponName && pick.finalPrice != null) {
      price += ` → 쿠폰 쓰면 ${pick.finalPrice.toLocaleString("ko-KR")}원`;
    }
    const distance = pick.distanceMeters != null ? `, ${pick.distanceMeters.toLocaleString("ko-KR")}m` : "";
    card.textContent = `• ${pick.shopName}${pick.menuName ? " — " + pick.menuName : ""} (${price}${distance})`;
    item.appendChild(card);
  }
}

async function signIn(event) {
  event.preventDefault();
  const userId = $("userId").value.trim();
  const response = await fetch("api/auth/dev-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) {
    $("status").textContent = "로그인 실패";
    return;
  }
  const { token } = await response.json();
  if (state.connection) {
    await state.connection.stop();
  }
  state.connection = new signalR.HubConnectionBuilder()
    .withUrl("hubs/chat", { accessTokenFactory: () => token })
    .withAutomaticReconnect()
    .build();
  await state.connection.start();
  $("status").textContent = `${userId}(으)로 연결됨`;
  $("text").disabled = false;
  $("send").disabled = false;
  $("text").focus();
}

async function send(event) {
  event.preventDefault();
  const text = $("text").value;
  if (!text.trim()) {
    return;
  }
  $("text").value = "";
  show(text, "user");
  const age = parseInt($("userAge").value, 10);
  try {
    const reply = await state.connection.invoke("SendMessage", {
      sessionId: state.sessionId,
      text,
      userAge: Number.isFinite(age) ? age : null,
      location: $("shareLocation").checked ? state.location : null,
    });
    showReply(reply);
  } catch (error) {
    show("잠시 문제가 생겼어요: " + error.message, "error");
  }
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
