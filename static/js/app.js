// Progressive enhancement only: every page works without this file.
// When a link points at a step of a journey map (#b-step-3), scroll that column into view and highlight it.
document.addEventListener("DOMContentLoaded", function () {
    if (!location.hash) {
        return;
    }
    var target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
    if (target && target.classList.contains("step")) {
        target.scrollIntoView({block: "nearest", inline: "center"});
        target.classList.add("highlight");
    }
});
