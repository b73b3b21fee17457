// Scroll each long article so that its first highlighted evidence span is in view.
document.querySelectorAll(".article-text").forEach(function (box) {
  const mark = box.querySelector("mark.evidence");
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
});
