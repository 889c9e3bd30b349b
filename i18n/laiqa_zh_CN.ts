<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LaiQa</name>
    <message>
      <location filename="../core/report.py" line="113" />
      <source>Inputs</source>
      <translation>输入</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="114" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="115" />
      <source>Software and date</source>
      <translation>软件与日期</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="168" />
      <source>OLS</source>
      <translation>OLS</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="169" />
      <source>RMA</source>
      <translation>RMA</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="174" />
      <source>GCOS max(0.5, 20 %)</source>
      <translation>GCOS 要求 max(0.5, 20%)</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="176" />
      <source>Reference LAI</source>
      <translation>参考产品 LAI</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="176" />
      <source>Product LAI</source>
      <translation>待验证产品 LAI</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="179" />
      <source>Pixels (log)</source>
      <translation>像元数（对数）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="183" />
      <source>Product against reference: every kept pixel counted in 0.05 LAI bins, with the 1:1, OLS and RMA lines and the GCOS envelope</source>
      <translation>待验证产品与参考产品：所有保留像元按 0.05 LAI 分箱计数，附 1:1 线、OLS 与 RMA 回归线及 GCOS 要求范围</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="237" />
      <source>Product - reference (LAI)</source>
      <translation>待验证产品 − 参考产品（LAI）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="237" />
      <source>|Product - reference| (LAI)</source>
      <translation>|待验证产品 − 参考产品|（LAI）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="238" />
      <source>Share of the class's pixels (%)</source>
      <translation>占该类像元的比例（%）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="241" />
      <source>Difference product - reference per class, every kept pixel (from the density: to within 0.05 LAI)</source>
      <translation>各类别的差值（待验证产品 − 参考产品），全部保留像元（由密度计算，精度 0.05 LAI 以内）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="243" />
      <source>Absolute difference per class, every kept pixel (from the statistics' 0.01 LAI histogram; the sign is in the bias)</source>
      <translation>各类别的绝对差值，全部保留像元（来自统计量的 0.01 LAI 直方图；符号见偏差）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="275" />
      <source>x (map units)</source>
      <translation>x（地图单位）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="275" />
      <source>y (map units)</source>
      <translation>y（地图单位）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="276" />
      <source>Bias (LAI)</source>
      <translation>偏差（LAI）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="278" />
      <source>Tiles coloured by their bias over all their dates (class 'all'; grey: no kept pixel)</source>
      <translation>按各分幅全部日期的偏差着色（类别 'all'；灰色：无保留像元）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="287" />
      <source>Bias and RMSE per date, pooled over the tiles of the date</source>
      <translation>各日期的偏差与均方根误差，按该日期全部分幅合并</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="316" />
      <source>RMSE (LAI)</source>
      <translation>均方根误差（LAI）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="348" />
      <source>Statistics per class</source>
      <translation>分类统计</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="350" />
      <source>d = product - reference; SD of d with n - 1; OLS regresses product on reference; RMA is the reduced major axis. Shares within GCOS measure agreement with a reference that has its own error, not conformity.</source>
      <translation>d = 待验证产品 − 参考产品；d 的标准差按 n − 1 计算；OLS 以待验证产品对参考产品回归；RMA 为约化主轴回归。GCOS 范围内的比例衡量与自身也有误差的参考产品的一致程度，而非达标与否。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="352" />
      <source>Statistics per stratum and class</source>
      <translation>分层分类统计</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="355" />
      <source>Completeness: pixels kept, and why the others were not</source>
      <translation>完整性：保留的像元及其余像元未保留的原因</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="363" />
      <source>Figures</source>
      <translation>图</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="369" />
      <source>No density: the scatter needs the exact density (OUTPUT_DENSITY, or DENSITY in a batch).</source>
      <translation>无密度：散点图需要精确密度（OUTPUT_DENSITY，批处理中为 DENSITY）。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="383" />
      <source>LAI validation report</source>
      <translation>LAI 验证报告</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="393" />
      <source>Pooled over all pairs from their running sums.</source>
      <translation>由各配对的累加和合并全部配对。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="401" />
      <source>Tiles</source>
      <translation>分幅</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="407" />
      <source>Pairs (class all)</source>
      <translation>配对（类别 all）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="410" />
      <source>Failed pairs and their reasons</source>
      <translation>失败的配对及原因</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="412" />
      <source>None: every pair was compared.</source>
      <translation>无：所有配对均已比较。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="414" />
      <source>Over time</source>
      <translation>时间序列</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="416" />
      <source>Temporal consistency per tile</source>
      <translation>各分幅的时间一致性</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="420" />
      <source>Bias trend: least-squares slope of the date bias against time (LAI per year). Jumps: mean change of the tile mean between consecutive dates; a ratio above 1 means the product jumps more than the reference.</source>
      <translation>偏差趋势：各日期偏差对时间的最小二乘斜率（LAI/年）。跳变：相邻日期间分幅均值变化量的平均值；比值大于 1 表示待验证产品的跳变大于参考产品。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="422" />
      <source>LAI validation report: batch</source>
      <translation>LAI 验证报告：批处理</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="47" />
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="47" />
      <source>N</source>
      <translation>N</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="47" />
      <source>Mean product</source>
      <translation>待验证产品均值</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="48" />
      <source>Mean reference</source>
      <translation>参考产品均值</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="48" />
      <source>Bias</source>
      <translation>偏差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="48" />
      <source>MAE</source>
      <translation>平均绝对误差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="48" />
      <source>RMSE</source>
      <translation>均方根误差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="49" />
      <source>SD</source>
      <translation>标准差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="49" />
      <source>Bias (% of reference)</source>
      <translation>偏差（参考均值的 %）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="49" />
      <source>RMSE (% of reference)</source>
      <translation>均方根误差（参考均值的 %）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="50" />
      <source>Median |d|</source>
      <translation>|d| 中位数</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="50" />
      <source>Within GCOS max(0.5, 20 %)</source>
      <translation>GCOS max(0.5, 20%) 范围内</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="51" />
      <source>Within GCOS-244 threshold</source>
      <translation>GCOS-244 阈值范围内</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="51" />
      <source>Within GCOS-244 goal</source>
      <translation>GCOS-244 目标范围内</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="52" />
      <source>Pearson r</source>
      <translation>皮尔逊 r</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="52" />
      <source>OLS slope</source>
      <translation>OLS 斜率</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="52" />
      <source>OLS intercept</source>
      <translation>OLS 截距</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="53" />
      <source>RMA slope</source>
      <translation>RMA 斜率</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="53" />
      <source>RMA intercept</source>
      <translation>RMA 截距</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="53" />
      <source>Stratum</source>
      <translation>分层</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="54" />
      <source>Pixels</source>
      <translation>像元数</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="54" />
      <source>Kept</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="54" />
      <source>QA nodata</source>
      <translation>QA 无数据</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="54" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="55" />
      <source>Product fill or out of range</source>
      <translation>待验证产品填充值或超出范围</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="56" />
      <source>No reference after alignment</source>
      <translation>对齐后无参考值</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="57" />
      <source>Reference fill or out of range</source>
      <translation>参考产品填充值或超出范围</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="57" />
      <source>Pair</source>
      <translation>配对</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="58" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="58" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="58" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="58" />
      <source>Tile</source>
      <translation>分幅</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="59" />
      <source>Dates</source>
      <translation>日期数</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="59" />
      <source>Bias trend per year</source>
      <translation>每年偏差趋势</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="60" />
      <source>Product mean jump</source>
      <translation>待验证产品均值跳变</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="60" />
      <source>Reference mean jump</source>
      <translation>参考产品均值跳变</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="61" />
      <source>Jump ratio</source>
      <translation>跳变比</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="31" />
      <source>LAI QA Compare…</source>
      <translation>LAI QA 对比…</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="33" />
      <source>QA pixel inspector</source>
      <translation>QA 像元查看器</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="37" />
      <source>LAI QA Toolkit</source>
      <translation>LAI QA 工具箱</translation>
    </message>
    <message>
      <location filename="../processing_provider/base.py" line="29" />
      <source>The parameters could not be checked; see the QGIS log (LAI QA Toolkit)</source>
      <translation>无法检查参数；请查看 QGIS 日志（LAI QA Toolkit）</translation>
    </message>
    <message>
      <location filename="../processing_provider/base.py" line="56" />
      <source>Cancelled: no output was written.</source>
      <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
      <location filename="../processing_provider/base.py" line="67" />
      <source>QA bit fields</source>
      <translation>QA 比特位字段</translation>
    </message>
    <message>
      <location filename="../processing_provider/base.py" line="77" />
      <source>LAI validation</source>
      <translation>LAI 验证</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="101" />
      <source>Product folder</source>
      <translation>待验证产品文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="102" />
      <source>Reference folder</source>
      <translation>参考产品文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="104" />
      <source>Product file pattern (several separated by ;)</source>
      <translation>待验证产品文件名模式（多个以 ; 分隔）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="106" />
      <source>Reference file pattern (several separated by ;)</source>
      <translation>参考产品文件名模式（多个以 ; 分隔）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="107" />
      <source>Search sub-folders</source>
      <translation>搜索子文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="109" />
      <source>Key pattern: one regular expression per key part, separated by ;</source>
      <translation>配对关键字模式：每个关键字部分一个正则表达式，以 ; 分隔</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="112" />
      <source>QA band (in the product file)</source>
      <translation>QA 波段（位于待验证产品文件中）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="117" />
      <source>Count the exact density of product against reference LAI (per pair &lt;key&gt;.density.npz, pooled density.npz)</source>
      <translation>统计待验证产品与参考产品 LAI 的精确密度（每对 &lt;key&gt;.density.npz，合并为 density.npz）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="119" />
      <source>Product grid in HDF containers (e.g. Lai_500m)</source>
      <translation>HDF 文件中待验证产品的子数据集（如 Lai_500m）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="121" />
      <source>Reference grid in HDF containers</source>
      <translation>HDF 文件中参考产品的子数据集</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="122" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="124" />
      <source>Pairs at a time (0 = one per core)</source>
      <translation>同时处理的配对数（0 = 每个 CPU 核一对）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="127" />
      <source>Run pairs in</source>
      <translation>配对的运行方式</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="127" />
      <source>threads of this process</source>
      <translation>本进程的线程</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="128" />
      <source>local processes</source>
      <translation>本地多进程</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="128" />
      <source>a Dask cluster</source>
      <translation>Dask 集群</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="131" />
      <source>Dask scheduler address (e.g. tcp://host:8786; empty = a local cluster of WORKERS processes)</source>
      <translation>Dask 调度器地址（如 tcp://host:8786；留空 = 启动由 WORKERS 个进程组成的本地集群）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="134" />
      <source>Overwrite complete outputs of an earlier run</source>
      <translation>覆盖之前运行已完整写出的结果</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="136" />
      <source>Also write one folder per class (DRT/h12v03.tif …)</source>
      <translation>同时按类别分文件夹输出（DRT/h12v03.tif …）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="139" />
      <source>Summary table (CSV)</source>
      <translation>汇总表（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="140" />
      <source>Tile footprints with statistics</source>
      <translation>带统计量的分幅范围</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="141" />
      <source>Pairs</source>
      <translation>配对数</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="142" />
      <source>Failed pairs</source>
      <translation>失败的配对数</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="143" />
      <source>Statistics per stratum (CSV)</source>
      <translation>分层统计（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="144" />
      <source>Pooled density (numpy .npz)</source>
      <translation>合并密度（numpy .npz）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="145" />
      <source>Statistics per date (CSV)</source>
      <translation>按日期统计（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="146" />
      <source>Statistics per tile over its dates (CSV)</source>
      <translation>各分幅全部日期统计（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="148" />
      <source>Temporal consistency per tile (CSV)</source>
      <translation>各分幅时间一致性（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="174" />
      <source>Pooled over all pairs:</source>
      <translation>全部配对合并统计：</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="67" />
      <source>Batch LAI comparison of tile folders</source>
      <translation>分幅文件夹批量 LAI 对比</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="70" />
      <source>Pairs product and reference files by keys in their names (default: acquisition date AYYYYDDD and MODIS tile hXXvYY; KEY_PATTERN lists one regular expression per key part, separated by ';'; two files pair when every part both names carry is equal). Unmatched and ambiguous files are listed, never guessed. Each pair runs the QA-masked difference with the same settings as laiqa:maskeddifference, WORKERS pairs at a time, into OUTPUT_FOLDER/&amp;lt;key&amp;gt;.tif. A failing pair is recorded with its reason and the batch goes on. Complete outputs of an earlier run are skipped unless OVERWRITE is set. Writes summary.csv (per pair and class, plus statistics pooled over all pairs from the running sums), tiles.gpkg (tile footprints styled by bias) and one VRT mosaic per date and class; with STRATA also strata.csv (per pair, stratum and class, and pooled), with DENSITY the exact density per pair and pooled (density.npz). A MODIS granule folder works on either side: name its grids in PRODUCT_SUBDATASET / QA_SUBDATASET / REFERENCE_SUBDATASET (e.g. Lai_500m, FparLai_QC).</source>
      <translation>按文件名中的关键字配对待验证产品与参考产品文件（默认：获取日期 AYYYYDDD 与 MODIS 分幅号 hXXvYY；KEY_PATTERN 为每个关键字部分给出一个正则表达式，以“;”分隔；两个文件名中都含有的各部分全部相同时即配对）。未匹配与有歧义的文件会列出，绝不猜测。每一对都以与 laiqa:maskeddifference 相同的设置计算 QA 掩膜差值，每次并行 WORKERS 对，输出到 OUTPUT_FOLDER/&amp;lt;key&amp;gt;.tif。某一对失败时记录原因，批处理继续。除非设置 OVERWRITE，之前运行已完整写出的结果会被跳过。输出 summary.csv（每对、每类的统计，以及由累加和合并得到的全部配对统计）、tiles.gpkg（按偏差着色的分幅范围）以及每个日期、每个类别一个 VRT 镶嵌；给定 STRATA 时还输出 strata.csv（每对、每层、每类的统计及合并统计），选择 DENSITY 时输出每对及合并的精确密度（density.npz）。任一侧都可以是 MODIS 数据文件夹：在 PRODUCT_SUBDATASET / QA_SUBDATASET / REFERENCE_SUBDATASET 中填写子数据集名（如 Lai_500m、FparLai_QC）。</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="82" />
      <source>EXECUTOR: threads of this process (default), local processes, or a Dask cluster: SCHEDULER names a running scheduler (tcp://host:8786, e.g. started by dask-jobqueue on SLURM or PBS); empty starts a local cluster of WORKERS processes for this run. Workers write into OUTPUT_FOLDER, which must be on storage they all see. Dask is optional: pip install 'dask[distributed]'.</source>
      <translation>EXECUTOR：本进程的线程（默认）、本地多进程或 Dask 集群。SCHEDULER 为正在运行的调度器地址（tcp://host:8786，例如由 dask-jobqueue 在 SLURM 或 PBS 上启动）；留空则为本次运行启动由 WORKERS 个进程组成的本地集群。各工作进程直接写入 OUTPUT_FOLDER，它必须位于所有工作进程都能访问的存储上。Dask 为可选依赖：pip install 'dask[distributed]'。</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="87" />
      <source>Over time (keys with a date AYYYYDDD): summary_by_date.csv pools every tile of a date, summary_by_tile.csv every date of a tile, temporal_consistency.csv gives per tile the bias trend per year and how much the product's and the reference's means jump between dates; tiles.gpkg has a date field for QGIS's temporal controller. OUTPUT_REPORT: an HTML report with the tables, figures, tiles by bias, every pair, the failed pairs and the time series.</source>
      <translation>时间序列（关键字含日期 AYYYYDDD 时）：summary_by_date.csv 合并同一日期的全部分幅，summary_by_tile.csv 合并同一分幅的全部日期，temporal_consistency.csv 给出各分幅每年的偏差趋势，以及待验证产品与参考产品均值在相邻日期间的跳变幅度；tiles.gpkg 含日期字段，可用于 QGIS 的时间控制器。OUTPUT_REPORT：HTML 报告，包含统计表、图、按偏差着色的分幅、每个配对、失败的配对及时间序列。</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="96" />
      <source>Cancelled: the pairs finished before were kept; a run with the same settings skips them and does the rest.</source>
      <translation>已取消：此前已完成的配对已保留；以相同设置再次运行会跳过它们并完成其余配对。</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="25" />
      <source>Decode QA bit fields</source>
      <translation>解码 QA 比特位字段</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="28" />
      <source>Splits an integer QA band into its bit fields: one output band per field, named after the field, in the smallest unsigned type that holds the field values and a nodata value. Pixels that are nodata in the QA band stay nodata in every band. Signed bands (Int16, Int32) are read as their bit pattern. The first field band (or STYLE_FIELD) is styled with the field's labels.</source>
      <translation>将整型 QA 波段拆分为各比特位字段：每个字段输出一个以字段名命名的波段，数据类型为能容纳字段取值与无效值的最小无符号整型。QA 波段中的无效值像元在所有输出波段中仍为无效值。有符号波段（Int16、Int32）按其二进制位模式读取。第一个字段波段（或 STYLE_FIELD 指定的波段）按字段的取值标签着色。</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="34" />
      <source>Schemes</source>
      <translation>QA 方案</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="40" />
      <source>Field band to style on load (1 = first field)</source>
      <translation>加载时着色的字段波段（1 = 第一个字段）</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="45" />
      <source>Decoded QA fields</source>
      <translation>解码后的 QA 字段</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="52" />
      <source>QA: {0} band {1}; scheme: {2}</source>
      <translation>QA：{0} 第 {1} 波段；方案：{2}</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="59" />
      <source>QA nodata pixels (nodata in every band): {0}</source>
      <translation>QA 无效值像元（在所有波段中为无效值）：{0}</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="70" />
      <source>QA fields ({0})</source>
      <translation>QA 字段（{0}）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="100" />
      <source>LAI difference</source>
      <translation>LAI 差值</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="102" />
      <source>Completeness per class: pixels kept and why not</source>
      <translation>各类别完整性：保留的像元及未保留的原因</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="103" />
      <source>Statistics per stratum and class (with STRATA)</source>
      <translation>分层、分类别统计（需 STRATA）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="105" />
      <source>Density: product against reference LAI of every kept pixel, 0.05 LAI bins (numpy .npz, optional)</source>
      <translation>密度：每个保留像元的产品与参考 LAI，0.05 LAI 区间（numpy .npz，可选）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="106" />
      <source>numpy archive (*.npz)</source>
      <translation>numpy 归档（*.npz）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="110" />
      <source>Folder for one file per class (optional)</source>
      <translation>按类别分别输出文件的文件夹（可选）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="113" />
      <source>Sample of kept pixels for plots (CSV, optional)</source>
      <translation>用于绘图的保留像元样本（CSV，可选）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="118" />
      <source>Write the difference as a Cloud Optimized GeoTIFF (COG)</source>
      <translation>将差值写为云优化 GeoTIFF（COG）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="173" />
      <source>Provenance: {0}</source>
      <translation>来源与处理记录：{0}</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="176" />
      <source>LAI difference: product - reference (LAI)</source>
      <translation>LAI 差值：待验证产品 - 参考产品（LAI）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="61" />
      <source>QA-masked LAI difference with statistics</source>
      <translation>QA 掩膜的 LAI 差值及统计</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="64" />
      <source>Product LAI minus reference LAI (in LAI units), kept where the QA rule holds and both values are valid, split into one band per class of SPLIT_FIELD (e.g. DRT, ECO, WAT, TIM) plus 'all'. Float32, nodata -9999. Scale, offset, valid range and fill values (stored units) come from your overrides, else the file's metadata, else the preset; the log states each value and its origin. A raster without georeference whose name carries a MODIS tile id hXXvYY is placed on the MODIS sinusoidal grid. A reference on another grid is resampled onto the product grid with GDAL (RESAMPLING auto: average when the reference is finer, else nearest). Statistics per class: N, mean product, mean reference, bias, MAE, RMSE, SD (n-1), Pearson r, OLS slope and intercept (product on reference), and the share within the GCOS requirement max(0.5, 20 % of reference).</source>
      <translation>待验证产品 LAI 减去参考产品 LAI（LAI 单位），仅保留满足 QA 规则且两者均为有效值的像元，并按 SPLIT_FIELD 的类别（如 DRT、ECO、WAT、TIM）各输出一个波段，另加 “all” 波段。Float32，无效值 -9999。缩放系数、偏移量、有效范围与填充值（存储单位）依次取自您的设置、文件元数据、预设；日志会写明每个取值及其来源。没有地理参考但文件名含 MODIS 分幅号 hXXvYY 的栅格会被放置到 MODIS 正弦投影格网上。参考产品格网不同时，用 GDAL 重采样到待验证产品格网（RESAMPLING 自动：参考产品更精细时取平均，否则取最邻近）。每类统计量：样本数 N、待验证产品均值、参考产品均值、偏差、平均绝对误差（MAE）、均方根误差（RMSE）、标准差（n-1）、皮尔逊相关系数 r、最小二乘回归斜率与截距（待验证产品对参考产品），以及满足 GCOS 精度要求 max(0.5, 参考值的 20%) 的像元比例。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="74" />
      <source>Also per class: reduced (standardised) major axis and major axis lines (Model II: both products carry error), a Deming line when DEMING_LAMBDA gives the ratio of the product's error variance to the reference's, the shares within the GCOS-244 threshold (|d| &lt;= max(0.1, 20 % of reference)) and goal (max(0.05, 10 %)), bias and RMSE in % of the mean reference, and the median |d| (0.01 LAI bins). These shares measure agreement with a reference that has its own error, not conformity. OUTPUT_COMPLETENESS counts, per class, the pixels the QA puts in it, those kept, and why the others were not (QA nodata, the rule, product fill or out of range, no reference after alignment, reference fill or out of range).</source>
      <translation>每个类别另给出：约化（标准化）主轴与主轴回归线（II 型回归：两种产品都含误差）；当 DEMING_LAMBDA 给出待验证产品与参考产品误差方差之比时，给出 Deming 回归线；满足 GCOS-244 阈值（|d| &lt;= max(0.1, 参考值的 20 %)）与目标（max(0.05, 10 %)）的像元比例；以平均参考值百分比表示的偏差与 RMSE；以及 |d| 的中位数（0.01 LAI 分箱）。这些比例衡量的是与自身也含误差的参考产品的一致程度，而非达标与否。OUTPUT_COMPLETENESS 按类别统计 QA 归入该类的像元数、保留的像元数，以及其余像元未被保留的原因（QA 无数据、规则剔除、产品填充值或超出有效范围、对齐后无参考值、参考产品填充值或超出有效范围）。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="82" />
      <source>STRATA: an optional integer class raster (land cover, biomes; the MCD12Q1 LC_Type3 preset names the biomes the MODIS LAI algorithm retrieves by), read by nearest neighbour on the product grid. OUTPUT_STRATA then holds the statistics of every stratum with kept pixels, per class and 'all' (no median |d| there). OUTPUT_DENSITY counts every kept pixel by product and reference LAI in 0.05 LAI bins, per class, as a numpy archive: numpy.load(path) gives counts[class, product bin, reference bin], classes and edges.</source>
      <translation>STRATA：可选的整数类别栅格（土地覆盖、生物群区；MCD12Q1 LC_Type3 预设给出 MODIS LAI 算法按其反演的生物群区），以最邻近法读到产品格网上。OUTPUT_STRATA 给出每个有保留像元的分层按类别及“all”的统计（其中不含 |d| 中位数）。OUTPUT_DENSITY 按类别以 0.05 LAI 的区间统计每个保留像元的产品与参考 LAI，保存为 numpy 归档：numpy.load(path) 得到 counts[类别, 产品区间, 参考区间]、classes 和 edges。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="89" />
      <source>OUTPUT_REPORT: one HTML file with the tables, the density scatter, the histogram of differences and the provenance; it opens offline in any browser and prints on A4.</source>
      <translation>OUTPUT_REPORT：一个 HTML 文件，包含各统计表、密度散点图、差值直方图及来源与处理记录；可在任何浏览器中离线打开，并可按 A4 打印。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="92" />
      <source>QA schemes</source>
      <translation>QA 方案</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="96" />
      <source>QA raster (empty = the product raster)</source>
      <translation>QA 栅格（留空 = 待验证产品栅格）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="96" />
      <source>QA band</source>
      <translation>QA 波段</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="100" />
      <source>Custom: one CUSTOM_FIELDS row per field (name, first bit, bit count, labels such as 0=DRT;1=ECO). From qgis_process: CUSTOM_FIELDS=algorithm,2,2,0=DRT;1=ECO;2=WAT;3=TIM</source>
      <translation>自定义：每个字段在 CUSTOM_FIELDS 中占一行（名称、起始比特位、比特数、取值标签如 0=DRT;1=ECO）。在 qgis_process 中：CUSTOM_FIELDS=algorithm,2,2,0=DRT;1=ECO;2=WAT;3=TIM</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="122" />
      <source>{0}: layer '{1}' is served by '{2}', not by GDAL; save it as a file first</source>
      <translation>{0}：图层“{1}”由“{2}”提供而非 GDAL，请先将其保存为文件</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="132" />
      <source>Validation report (HTML with tables and figures, opens offline)</source>
      <translation>验证报告（含表格与图的 HTML，可离线打开）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="132" />
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="150" />
      <source>QA scheme</source>
      <translation>QA 方案</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="152" />
      <source>Custom QA fields (used when the scheme is Custom; labels as 0=DRT;1=ECO)</source>
      <translation>自定义 QA 字段（方案为“自定义”时使用；标签写作 0=DRT;1=ECO）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="172" />
      <source>QA keep rule (e.g. quality != 3 and algorithm in (DRT, ECO); empty = the scheme's default)</source>
      <translation>QA 保留规则（如 quality != 3 and algorithm in (DRT, ECO)；留空 = 方案的默认规则）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="197" />
      <source>QA raster</source>
      <translation>QA 栅格</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="203" />
      <source>QA grid in HDF containers (e.g. FparLai_QC)</source>
      <translation>HDF 文件中 QA 的子数据集（如 FparLai_QC）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="236" />
      <source>{0} band</source>
      <translation>{0} 波段</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="239" />
      <source>{0} preset (scale, valid range, fill)</source>
      <translation>{0} 预设（缩放系数、有效范围、填充值）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="241" />
      <source>{0} scale factor (empty = from file or preset)</source>
      <translation>{0} 缩放系数（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="242" />
      <source>{0} offset (empty = from file or preset)</source>
      <translation>{0} 偏移量（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="243" />
      <source>{0} valid minimum, stored units (empty = from file or preset)</source>
      <translation>{0} 有效最小值，存储单位（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="244" />
      <source>{0} valid maximum, stored units (empty = from file or preset)</source>
      <translation>{0} 有效最大值，存储单位（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="248" />
      <source>{0} fill values, stored units, comma separated (empty = from file or preset)</source>
      <translation>{0} 填充值，存储单位，逗号分隔（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="301" />
      <source>Split by QA field (empty = no split)</source>
      <translation>按 QA 字段分类（留空 = 不分类）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="303" />
      <source>Resampling of the reference</source>
      <translation>参考产品重采样方法</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="305" />
      <source>Deming regression: error variance of the product / of the reference (empty = no Deming line)</source>
      <translation>Deming 回归：待验证产品误差方差 / 参考产品误差方差（留空 = 不计算 Deming 回归线）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="328" />
      <source>Creation options of the output rasters (KEY=VALUE|KEY=VALUE; empty = tiled ZSTD GeoTIFF)</source>
      <translation>输出栅格的创建选项（KEY=VALUE|KEY=VALUE；留空 = 分块 ZSTD 压缩的 GeoTIFF）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="339" />
      <source>{0}: '{1}' is not KEY=VALUE (separate options with |)</source>
      <translation>{0}：'{1}' 不是 KEY=VALUE 形式（多个选项用 | 分隔）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="345" />
      <source>Labels from STRATA_LABELS (empty = each value 0-255 is a stratum)</source>
      <translation>使用 STRATA_LABELS 中的标签（为空 = 0-255 每个值为一层）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="346" />
      <source>MODIS MCD12Q1 LC_Type3 (LAI/FPAR biomes)</source>
      <translation>MODIS MCD12Q1 LC_Type3（LAI/FPAR 生物群区）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="361" />
      <source>Strata: a class raster such as MCD12Q1 LC_Type3 (optional; nearest neighbour onto the product grid)</source>
      <translation>分层：类别栅格，如 MCD12Q1 LC_Type3（可选；以最邻近法重采样到产品格网）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="363" />
      <source>Strata band</source>
      <translation>分层波段</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="365" />
      <source>Strata classes</source>
      <translation>分层类别</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="367" />
      <source>Strata labels, e.g. 1=Grasslands;2=Shrublands (empty = the preset's)</source>
      <translation>分层标签，如 1=Grasslands;2=Shrublands（为空 = 使用预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="54" />
      <source>No raster given for {0}</source>
      <translation>{0} 未给定栅格</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="72" />
      <source>Custom (fields from CUSTOM_FIELDS)</source>
      <translation>自定义（字段取自 CUSTOM_FIELDS）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="95" />
      <source>Default rule</source>
      <translation>默认规则</translation>
    </message>
    <message>
      <location filename="../processing_provider/provider.py" line="21" />
      <source>LAI QA Toolkit: QA bit fields and LAI validation</source>
      <translation>LAI QA 工具箱：QA 比特位字段与 LAI 验证</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="22" />
      <source>QA mask from a rule</source>
      <translation>按规则生成 QA 掩膜</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="25" />
      <source>Builds a keep-mask from a QA band and a readable rule over the scheme's fields, for example &lt;code&gt;quality != 3 and algorithm in (DRT, ECO)&lt;/code&gt; or &lt;code&gt;MODLAND_QC == 0&lt;/code&gt;. Operators: == != &amp;lt; &amp;lt;= &amp;gt; &amp;gt;= in, not in, and, or, not, parentheses; values are numbers or the field's labels. An empty rule uses the scheme's default rule. Output: 1 keep, 0 drop, 255 where the QA band is nodata; KEPT_FRACTION is the kept share of pixels that have QA.</source>
      <translation>根据 QA 波段和基于方案字段的可读规则生成保留掩膜，例如 &lt;code&gt;quality != 3 and algorithm in (DRT, ECO)&lt;/code&gt; 或 &lt;code&gt;MODLAND_QC == 0&lt;/code&gt;。运算符：== != &amp;lt; &amp;lt;= &amp;gt; &amp;gt;= in、not in、and、or、not 与括号；取值可为数字或字段的取值标签。规则留空时使用方案的默认规则。输出：1 保留，0 剔除，QA 为无效值处为 255；KEPT_FRACTION 为有 QA 的像元中被保留的比例。</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="37" />
      <source>QA keep-mask</source>
      <translation>QA 保留掩膜</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="39" />
      <source>Kept fraction</source>
      <translation>保留比例</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="45" />
      <source>QA: {0} band {1}; scheme: {2}; rule: {3}</source>
      <translation>QA：{0} 第 {1} 波段；方案：{2}；规则：{3}</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="46" />
      <source>(none: keep all)</source>
      <translation>（无：全部保留）</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="51" />
      <source>Kept {0} of {1} pixels with QA ({2:.2%})</source>
      <translation>有 QA 的 {1} 个像元中保留 {0} 个（{2:.2%}）</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="53" />
      <source>QA mask</source>
      <translation>QA 掩膜</translation>
    </message>
    <message>
      <location filename="../processing_provider/stats_table.py" line="56" />
      <source>Could not create the statistics table {0}</source>
      <translation>无法创建统计表 {0}</translation>
    </message>
    <message>
      <location filename="../processing_provider/stats_table.py" line="67" />
      <source>Writing the statistics table {0} failed: {1}</source>
      <translation>写入统计表 {0} 失败：{1}</translation>
    </message>
    <message>
      <location filename="../processing_provider/stats_table.py" line="68" />
      <source>unknown error</source>
      <translation>未知错误</translation>
    </message>
    <message>
      <location filename="../processing_provider/styling.py" line="217" />
      <source>Tiles by bias</source>
      <translation>按偏差着色的分幅</translation>
    </message>
    <message>
      <location filename="../processing_provider/styling.py" line="76" />
      <source>0 drop</source>
      <translation>0 剔除</translation>
    </message>
    <message>
      <location filename="../processing_provider/styling.py" line="77" />
      <source>1 keep</source>
      <translation>1 保留</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="103" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="104" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="106" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="109" />
      <source>Open output folder</source>
      <translation>打开输出文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="110" />
      <source>Copy as Python</source>
      <translation>复制为 Python 代码</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="111" />
      <source>Copy as qgis_process command</source>
      <translation>复制为 qgis_process 命令</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="124" />
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="131" />
      <source>Plots</source>
      <translation>图表</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="176" />
      <source>empty = the scheme's default rule</source>
      <translation>留空 = 方案的默认规则</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="180" />
      <source>GeoTIFF (*.tif)</source>
      <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="182" />
      <source>Product band</source>
      <translation>待验证产品波段</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="183" />
      <source>Product preset</source>
      <translation>待验证产品预设</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="187" />
      <source>QA keep rule</source>
      <translation>QA 保留规则</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="188" />
      <source>Split by QA field</source>
      <translation>按 QA 字段分类</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="190" />
      <source>Reference preset</source>
      <translation>参考产品预设</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="191" />
      <source>Difference raster</source>
      <translation>差值栅格</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="216" />
      <source>one per core</source>
      <translation>每个 CPU 核一对</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="218" />
      <source>Product file pattern</source>
      <translation>待验证产品文件名模式</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="220" />
      <source>Reference file pattern</source>
      <translation>参考产品文件名模式</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="222" />
      <source>Pairs at a time</source>
      <translation>同时处理的配对数</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="237" />
      <source>(no split)</source>
      <translation>（不分类）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="250" />
      <source>Running…</source>
      <translation>正在运行…</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="254" />
      <source>QA rule: {0}</source>
      <translation>QA 规则：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="256" />
      <source>product folder</source>
      <translation>待验证产品文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="257" />
      <source>reference folder</source>
      <translation>参考产品文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="259" />
      <source>Choose an existing {0}.</source>
      <translation>请选择已存在的{0}。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="261" />
      <source>Choose an output folder.</source>
      <translation>请选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="264" />
      <source>Choose the product LAI raster.</source>
      <translation>请选择待验证产品 LAI 栅格。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="266" />
      <source>Choose the reference LAI raster.</source>
      <translation>请选择参考产品 LAI 栅格。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="268" />
      <source>Choose where to write the difference raster.</source>
      <translation>请选择差值栅格的保存位置。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="360" />
      <source>Stopped: the pairs finished before were kept, and a run with the same settings skips them: {0}</source>
      <translation>已停止：此前已完成的配对已保留，以相同设置再次运行会跳过它们：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="361" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="363" />
      <source>Stopped, no partial output was kept: {0}</source>
      <translation>已停止，未保留任何不完整的输出：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="369" />
      <source>Outputs in {0}</source>
      <translation>输出位于 {0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="436" />
      <source>Chinese labels need a CJK font and matplotlib knows none: install one (Debian, Ubuntu: fonts-noto-cjk or fonts-wqy-microhei), delete matplotlib's font cache (~/.cache/matplotlib/fontlist-*.json) and restart QGIS.</source>
      <translation>中文标注需要 CJK 字体，而 matplotlib 未找到：请安装一种（Debian、Ubuntu：fonts-noto-cjk 或 fonts-wqy-microhei），删除 matplotlib 的字体缓存（~/.cache/matplotlib/fontlist-*.json），然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="461" />
      <source>Product - reference</source>
      <translation>待验证产品 - 参考产品</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="461" />
      <source>LAI difference (product - reference)</source>
      <translation>LAI 差值（待验证产品 - 参考产品）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="462" />
      <source>pixels (sample)</source>
      <translation>像元数（样本）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="462" />
      <source>Product against reference</source>
      <translation>待验证产品与参考产品对比</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="463" />
      <source>reference LAI</source>
      <translation>参考产品 LAI</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="463" />
      <source>product LAI</source>
      <translation>待验证产品 LAI</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="463" />
      <source>pixels (log)</source>
      <translation>像元数（对数）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="69" />
      <source>Rasters (*.tif *.tiff *.hdf *.h5 *.nc *.vrt);;All files (*)</source>
      <translation>栅格 (*.tif *.tiff *.hdf *.h5 *.nc *.vrt);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="91" />
      <source>LAI QA Compare</source>
      <translation>LAI QA 对比</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="95" />
      <source>Single pair</source>
      <translation>单对</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="96" />
      <source>Batch</source>
      <translation>批量</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="109" />
      <source>Select a raster QA layer in the Layers panel first</source>
      <translation>请先在图层面板中选择一个 QA 栅格图层</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="38" />
      <source>Click a QA layer with the inspector tool</source>
      <translation>用查看工具点击 QA 图层</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="45" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="48" />
      <source>Raw value (bits)</source>
      <translation>原始值（二进制位）</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="50" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="50" />
      <source>Bits</source>
      <translation>比特位</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="50" />
      <source>Value</source>
      <translation>取值</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="50" />
      <source>Label</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="50" />
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="78" />
      <source>no value here (outside the layer or nodata)</source>
      <translation>此处无值（在图层范围外或为无效值）</translation>
    </message>
  </context>
</TS>
