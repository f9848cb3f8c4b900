// uPlot's stylesheet, adopted as a constructed sheet: the CSP allows no inline <style>.
import uplotCss from 'uplot/dist/uPlot.min.css';

export function adoptChartStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(uplotCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
