// The section arrows of the navigation are labels announced as buttons
// (overrides/partials/nav-item.html); buttons open with the space bar too, Material's own
// script handles only Enter.
document.addEventListener("keydown", (ereignis) => {
  const ziel = ereignis.target;
  if (ereignis.key === " " && ziel instanceof HTMLLabelElement && ziel.getAttribute("role") === "button") {
    ereignis.preventDefault();
    ziel.click();
  }
});
