/* Bản Tin: the mobile menu and the article toolbar. The page reads fully without this file. */
(function () {
  "use strict";

  var FONT_KEY = "bantin.fontScale";
  var FONT_MIN = 0.8;
  var FONT_MAX = 1.6;
  var FONT_STEP = 0.1;

  function readScale() {
    try {
      var stored = parseFloat(window.localStorage.getItem(FONT_KEY));
      if (stored >= FONT_MIN && stored <= FONT_MAX) return stored;
    } catch (error) { /* storage blocked: fall back to the default size */ }
    return 1;
  }

  function saveScale(scale) {
    try { window.localStorage.setItem(FONT_KEY, String(scale)); } catch (error) { /* ignore */ }
  }

  function announce(toolbar, message) {
    var status = toolbar.querySelector(".toolbar__status");
    if (status) status.textContent = message;
  }

  function setupMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("dieu-huong");
    if (!toggle || !nav) return;
    toggle.hidden = false;

    function show(open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    }

    toggle.addEventListener("click", function () {
      show(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
      show(false);
      toggle.focus();
    });
  }

  function setupToolbar(toolbar) {
    var bigger = toolbar.querySelector('[data-font-step="1"]');
    var smaller = toolbar.querySelector('[data-font-step="-1"]');
    var scale = readScale();

    function apply(next, speak) {
      scale = Math.round(Math.min(FONT_MAX, Math.max(FONT_MIN, next)) * 10) / 10;
      document.documentElement.style.setProperty("--article-scale", String(scale));
      bigger.disabled = scale >= FONT_MAX;
      smaller.disabled = scale <= FONT_MIN;
      if (speak) announce(toolbar, "Cỡ chữ " + Math.round(scale * 100) + "%");
    }

    [bigger, smaller].forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        apply(scale + FONT_STEP * Number(button.getAttribute("data-font-step")), true);
        saveScale(scale);
      });
    });
    apply(scale, false);

    var printButton = toolbar.querySelector("[data-print]");
    if (printButton && window.print) {
      printButton.hidden = false;
      printButton.addEventListener("click", function () { window.print(); });
    }

    function copyLink() {
      var url = window.location.href.split("#")[0];
      if (navigator.clipboard && navigator.clipboard.writeText) {
        return navigator.clipboard.writeText(url).then(
          function () { announce(toolbar, "Đã sao chép liên kết bài viết."); return true; },
          function () { announce(toolbar, "Không sao chép được, hãy sao chép địa chỉ trên thanh trình duyệt."); return false; }
        );
      }
      announce(toolbar, "Hãy sao chép địa chỉ trên thanh trình duyệt.");
      return Promise.resolve(false);
    }

    var copyButton = toolbar.querySelector("[data-copy-link]");
    if (copyButton) {
      copyButton.hidden = false;
      copyButton.addEventListener("click", copyLink);
    }

    var shareButton = toolbar.querySelector("[data-share-native]");
    if (shareButton) {
      shareButton.hidden = false;
      shareButton.addEventListener("click", function () {
        if (navigator.share) {
          navigator.share({ title: document.title, url: window.location.href.split("#")[0] })
            .catch(function () { /* the reader closed the share sheet */ });
        } else {
          copyLink().then(function (copied) {
            if (copied) announce(toolbar, "Đã sao chép liên kết, hãy dán vào Zalo để chia sẻ.");
          });
        }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupMenu();
    var toolbar = document.querySelector(".toolbar");
    if (toolbar) setupToolbar(toolbar);
  });
})();
