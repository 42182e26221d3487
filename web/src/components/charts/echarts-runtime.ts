/**
 * The only module that loads ECharts code. Charts import it lazily (`import('./echarts-runtime')`),
 * so ECharts lands in its own chunk, fetched the first time a chart is shown. Only the parts we
 * use are registered: custom series (heat map cells), bar series, the cartesian grid, mark lines,
 * and the SVG renderer (sharp at every zoom level, printable, no canvas).
 */
import { init, use } from 'echarts/core';
import { BarChart, CustomChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, CustomChart, GridComponent, MarkLineComponent, SVGRenderer]);

export { init };
