<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LaiQa</name>
    <message>
      <location filename="../core/alignment.py" line="118" />
      <source>{0}: GDAL could not resample '{1}' onto the product grid ({2})</source>
      <translation>{0}：GDAL 无法将“{1}”重采样到待验证产品的格网上（{2}）</translation>
    </message>
    <message>
      <location filename="../core/alignment.py" line="41" />
      <source>The reference does not overlap the product: reference '{0}' covers {1}, product '{2}' covers {3}</source>
      <translation>参考产品与待验证产品没有重叠：参考产品“{0}”覆盖 {1}，待验证产品“{2}”覆盖 {3}</translation>
    </message>
    <message>
      <location filename="../core/alignment.py" line="99" />
      <source>{0}: GDAL could not wrap '{1}' for resampling ({2})</source>
      <translation>{0}：GDAL 无法封装“{1}”以进行重采样（{2}）</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="209" />
      <source>its sums file was written for another pair</source>
      <translation>其累加文件是为另一对文件写入的</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="211" />
      <source>its product, reference or strata file changed since (size or modification time)</source>
      <translation>其待验证产品、参考产品或分层文件此后已更改（大小或修改时间）</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="213" />
      <source>the settings changed since the earlier run</source>
      <translation>设置自上次运行以来已更改</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="216" />
      <source>'{0}' is not the file the earlier run wrote (size or checksum)</source>
      <translation>“{0}”不是上次运行写入的文件（大小或校验和不符）</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="225" />
      <source>a file of the earlier run cannot be read ({0})</source>
      <translation>无法读取上次运行的某个文件（{0}）</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="227" />
      <source>its sums file is incomplete or from an older version</source>
      <translation>其累加文件不完整或来自旧版本</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="293" />
      <source>redone: {0}</source>
      <translation>已重新计算：{0}</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="315" />
      <source>No product file pairs with a reference file ({0} products, {1} references; see the list above): nothing was run or written</source>
      <translation>没有待验证产品文件能与参考产品文件配对（{0} 个待验证产品，{1} 个参考产品；见上方列表）：未运行也未写入任何内容</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="320" />
      <source>Cannot create the output folder '{0}': {1}</source>
      <translation>无法创建输出文件夹“{0}”：{1}</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="330" />
      <source>The output folder '{0}' is a file; choose a folder</source>
      <translation>输出文件夹“{0}”是一个文件；请选择一个文件夹</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="335" />
      <source>The output folder '{0}' is inside the {1} folder: the next run would take this run's outputs as {1}s; choose another output folder</source>
      <translation>输出文件夹“{0}”位于{1}文件夹内：下次运行会把本次运行的输出当作{1}；请选择其他输出文件夹</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="337" />
      <source>The output folder '{0}' is the {1} folder: the next run would take this run's outputs as {1}s; choose another output folder</source>
      <translation>输出文件夹“{0}”就是{1}文件夹：下次运行会把本次运行的输出当作{1}；请选择其他输出文件夹</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="354" />
      <source>Another batch is writing into '{0}' (host and process: {1}); wait for it to finish, or remove {2} there if it is gone</source>
      <translation>另一个批处理正在写入“{0}”（主机和进程：{1}）；请等待其完成，如果该进程已不存在，请删除其中的 {2}</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="359" />
      <source>Cannot write into the output folder '{0}': {1}</source>
      <translation>无法写入输出文件夹“{0}”：{1}</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="387" />
      <source> on {0}</source>
      <translation>，在 {0} 上</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="531" />
      <source>Cannot create '{0}': {1}</source>
      <translation>无法创建“{0}”：{1}</translation>
    </message>
    <message>
      <location filename="../core/batch.py" line="541" />
      <source>Writing '{0}' failed: {1}</source>
      <translation>写入“{0}”失败：{1}</translation>
    </message>
    <message>
      <location filename="../core/density.py" line="91" />
      <source>Cannot read the density file '{0}': {1}</source>
      <translation>无法读取密度文件“{0}”：{1}</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="205" />
      <source>The QA raster is {0}x{1} pixels but the product is {2}x{3}; QA and product must share one grid</source>
      <translation>QA 栅格为 {0}x{1} 像元，而待验证产品为 {2}x{3}；QA 与待验证产品必须使用同一格网</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="209" />
      <source>The class file of {0}</source>
      <translation>{0} 的类别文件</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="214" />
      <source>Product LAI: {0}</source>
      <translation>待验证产品 LAI：{0}</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="215" />
      <source>Reference LAI: {0}</source>
      <translation>参考产品 LAI：{0}</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="216" />
      <source>QA: {0}; keep rule: {1}; split by: {2}</source>
      <translation>QA：{0}；保留规则：{1}；分组字段：{2}</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="217" />
      <source>none (keep all)</source>
      <translation>无（全部保留）</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="217" />
      <source>nothing</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="232" />
      <source>Buffer: pixels within {0} of a pixel where {1} are dropped too</source>
      <translation>缓冲区：距 {1} 的像元 {0} 个像元以内的像元也被剔除</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="233" />
      <source>the keep rule fails</source>
      <translation>不满足保留规则</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="248" />
      <source>Reference grid is identical to the product grid: read as it is</source>
      <translation>参考产品格网与待验证产品格网相同：按原样读取</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="254" />
      <source>Reference resampled onto the product grid with GDAL warp ({0})</source>
      <translation>参考产品已用 GDAL warp 重采样到待验证产品格网（{0}）</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="65" />
      <source>Split field '{0}' has {1} possible values and no labels; split by a field with labels or at most {2} values</source>
      <translation>分组字段“{0}”有 {1} 个可能的值且没有标签；请按带标签的字段或最多 {2} 个值的字段分组</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="80" />
      <source>Unknown resampling '{0}'; use one of {1}</source>
      <translation>未知的重采样方法“{0}”；请使用以下之一：{1}</translation>
    </message>
    <message>
      <location filename="../core/difference.py" line="83" />
      <source>The Deming error-variance ratio must be a positive number, got {0:g}</source>
      <translation>Deming 误差方差比必须为正数，实际为 {0:g}</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="119" />
      <source>executor: {0} local processes</source>
      <translation>执行器：{0} 个本地进程</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="178" />
      <source>the worker could not finish it ({0}: {1})</source>
      <translation>工作进程未能完成（{0}：{1}）</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="187" />
      <source>The Dask executor needs Dask's distributed scheduler: {0}</source>
      <translation>Dask 执行器需要 Dask 的分布式调度器：{0}</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="196" />
      <source>Cannot reach the Dask scheduler '{0}': {1}</source>
      <translation>无法连接 Dask 调度器“{0}”：{1}</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="203" />
      <source>executor: Dask, scheduler {0}</source>
      <translation>执行器：Dask，调度器 {0}</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="204" />
      <source>, {0} local worker processes</source>
      <translation>，{0} 个本地工作进程</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="205" />
      <source>, dashboard {0}</source>
      <translation>，仪表板 {0}</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="38" />
      <source>Unknown executor '{0}'; use one of {1}</source>
      <translation>未知的执行器“{0}”；请使用以下之一：{1}</translation>
    </message>
    <message>
      <location filename="../core/executors.py" line="91" />
      <source>Local processes need a Python interpreter, and none was found for this Python ({0}); use threads, or Dask with a scheduler started outside QGIS</source>
      <translation>本地进程需要 Python 解释器，但未找到与此 Python（{0}）对应的解释器；请使用线程，或使用在 QGIS 之外启动调度器的 Dask</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="103" />
      <source>Unknown LAI preset '{0}'; presets: {1}</source>
      <translation>未知的 LAI 预设“{0}”；可用预设：{1}</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="162" />
      <source>An LAI scale of 0 would turn every value into 0; check the scale factor</source>
      <translation>LAI 缩放系数为 0 会使所有值变为 0；请检查缩放系数</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="165" />
      <source>The valid range {0:g}-{1:g} is empty (minimum above maximum)</source>
      <translation>有效范围 {0:g}-{1:g} 为空（最小值大于最大值）</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="178" />
      <source>Fill values must be numbers separated by commas, got '{0}'</source>
      <translation>填充值必须是以逗号分隔的数字，实际为“{0}”</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="60" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="75" />
      <source>preset {0}</source>
      <translation>预设 {0}</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="88" />
      <source>Own LAI product (x0.001, values &gt; 30000 are fill)</source>
      <translation>自有 LAI 产品（x0.001，大于 30000 的值为填充值）</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="90" />
      <source>GLASS LAI (x0.01, valid 0-1000)</source>
      <translation>GLASS LAI（x0.01，有效范围 0-1000）</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="92" />
      <source>MODIS MCD15A2H/MOD15A2H Lai_500m (x0.1, valid 0-100, 249-255 fill classes)</source>
      <translation>MODIS MCD15A2H/MOD15A2H Lai_500m（x0.1，有效范围 0-100，249-255 为填充类别）</translation>
    </message>
    <message>
      <location filename="../core/lai_encoding.py" line="95" />
      <source>From the file's metadata only (scale 1 when it has none)</source>
      <translation>仅取自文件元数据（无元数据时缩放系数为 1）</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="36" />
      <source>Input</source>
      <translation>输入</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="36" />
      <source>Output</source>
      <translation>输出</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="36" />
      <source>Product</source>
      <translation>待验证产品</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="36" />
      <source>QA</source>
      <translation>QA</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="36" />
      <source>Strata</source>
      <translation>分层</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="36" />
      <source>product</source>
      <translation>待验证产品</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="37" />
      <source>reference</source>
      <translation>参考产品</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="37" />
      <source>The output</source>
      <translation>输出文件</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="37" />
      <source>unpackqa products</source>
      <translation>unpackqa 产品</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="37" />
      <source>unpackqa product</source>
      <translation>unpackqa 产品</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="37" />
      <source>bit field sets</source>
      <translation>位字段集</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="38" />
      <source>bit field set</source>
      <translation>位字段集</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="38" />
      <source>qa nodata</source>
      <translation>QA 无效值</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="38" />
      <source>dropped by rule</source>
      <translation>被规则剔除</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="38" />
      <source>within buffer</source>
      <translation>位于缓冲区内</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="39" />
      <source>product fill or out of range</source>
      <translation>待验证产品为填充值或超出范围</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="39" />
      <source>reference missing after alignment</source>
      <translation>对齐后参考产品缺失</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="40" />
      <source>reference fill or out of range</source>
      <translation>参考产品为填充值或超出范围</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="40" />
      <source>scale</source>
      <translation>缩放系数</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="40" />
      <source>offset</source>
      <translation>偏移量</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="40" />
      <source>valid min</source>
      <translation>有效最小值</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="40" />
      <source>valid max</source>
      <translation>有效最大值</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="41" />
      <source>fill values</source>
      <translation>填充值</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="41" />
      <source>default</source>
      <translation>默认</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="41" />
      <source>user</source>
      <translation>用户</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="41" />
      <source>file metadata</source>
      <translation>文件元数据</translation>
    </message>
    <message>
      <location filename="../core/modis_grid_vrt.py" line="36" />
      <source>{0}: '{1}' has a georeference of its own; add it to the map as it is</source>
      <translation>{0}：“{1}”自带地理参考；请直接将其添加到地图</translation>
    </message>
    <message>
      <location filename="../core/modis_grid_vrt.py" line="41" />
      <source>{0}: cannot make a VRT of '{1}' ({2})</source>
      <translation>{0}：无法为“{1}”创建 VRT（{2}）</translation>
    </message>
    <message>
      <location filename="../core/modis_grid_vrt.py" line="42" />
      <source>unknown reason</source>
      <translation>原因未知</translation>
    </message>
    <message>
      <location filename="../core/modis_tiles.py" line="51" />
      <source>{0}: georeference from the file</source>
      <translation>{0}：地理参考取自文件</translation>
    </message>
    <message>
      <location filename="../core/modis_tiles.py" line="55" />
      <source>{0}: '{1}' has no georeference and its name carries no MODIS tile id (hXXvYY); georeference it first (e.g. gdal_translate -a_srs -a_ullr)</source>
      <translation>{0}：“{1}”没有地理参考，其文件名中也没有 MODIS 分幅编号（hXXvYY）；请先为其添加地理参考（如 gdal_translate -a_srs -a_ullr）</translation>
    </message>
    <message>
      <location filename="../core/modis_tiles.py" line="59" />
      <source>{0}: no georeference in the file; using MODIS sinusoidal tile {1} from its name ({2:.4f} m pixels, sphere radius {3} m)</source>
      <translation>{0}：文件中没有地理参考；使用其文件名中的 MODIS 正弦投影分幅 {1}（像元大小 {2:.4f} 米，球体半径 {3} 米）</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="42" />
      <source>{0} pairs matched</source>
      <translation>已匹配 {0} 对</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="43" />
      <source>product only</source>
      <translation>仅有待验证产品</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="43" />
      <source>reference only</source>
      <translation>仅有参考产品</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="44" />
      <source>no key in the name</source>
      <translation>文件名中没有配对键</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="48" />
      <source>ambiguous: {0} matches {1}</source>
      <translation>有歧义：{0} 与 {1} 均匹配</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="59" />
      <source>Key pattern part '{0}' is not a valid regular expression: {1}</source>
      <translation>配对键模式“{0}”不是有效的正则表达式：{1}</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="62" />
      <source>The key pattern is empty</source>
      <translation>配对键模式为空</translation>
    </message>
    <message>
      <location filename="../core/pairing.py" line="77" />
      <source>{0} folder '{1}' does not exist</source>
      <translation>{0}文件夹“{1}”不存在</translation>
    </message>
    <message>
      <location filename="../core/pixel_grid.py" line="70" />
      <source>{0}: rotated grids are not supported; warp '{1}' to a north-up grid first</source>
      <translation>{0}：不支持旋转格网；请先将“{1}”重投影为正北朝上的格网</translation>
    </message>
    <message>
      <location filename="../core/qa/buffer.py" line="54" />
      <source>The buffer must be 0 to {0} pixels, got {1}</source>
      <translation>缓冲区必须为 0 到 {0} 个像元，实际为 {1}</translation>
    </message>
    <message>
      <location filename="../core/qa/decode.py" line="21" />
      <source>The QA band holds {0} values; bit fields need an integer band (UInt8/16/32 or Int16/32). Pick the QA band, not a scaled data band.</source>
      <translation>QA 波段的值类型为 {0}；位字段需要整数波段（UInt8/16/32 或 Int16/32）。请选择 QA 波段，而不是经过缩放的数据波段。</translation>
    </message>
    <message>
      <location filename="../core/qa/decode.py" line="32" />
      <source>Field '{0}' uses {1}, but the QA band is {2} with only {3} bits (0-{4})</source>
      <translation>字段“{0}”使用{1}，但 QA 波段为 {2}，只有 {3} 位（0-{4}）</translation>
    </message>
    <message>
      <location filename="../core/qa/decode.py" line="70" />
      <source>A QA field of 64 bits leaves no room for a nodata value; split it in two fields</source>
      <translation>64 位的 QA 字段无法容纳无效值；请将其拆分为两个字段</translation>
    </message>
    <message>
      <location filename="../core/qa/layers.py" line="44" />
      <source>QA layer name '{0}' is not usable in rules: use letters, digits and _, starting with a letter</source>
      <translation>QA 图层名“{0}”无法在规则中使用：只能使用字母、数字和 _，且以字母开头</translation>
    </message>
    <message>
      <location filename="../core/qa/layers.py" line="49" />
      <source>Two QA layers are both named {0}; give each its own grid (subdataset) name</source>
      <translation>两个 QA 图层都名为 {0}；请为每个图层指定各自的网格（子数据集）名</translation>
    </message>
    <message>
      <location filename="../core/qa/layers.py" line="54" />
      <source>The QA layers need {0} bits together ({1}); at most {2} fit in one QA word</source>
      <translation>这些 QA 图层合计需要 {0} 位（{1}）；一个 QA 字最多容纳 {2} 位</translation>
    </message>
    <message>
      <location filename="../core/qa/layers.py" line="71" />
      <source>The QA layers need {0} bits together; at most {1} fit in one QA word</source>
      <translation>这些 QA 图层合计需要 {0} 位；一个 QA 字最多容纳 {1} 位</translation>
    </message>
    <message>
      <location filename="../core/qa/layers.py" line="80" />
      <source>The QA layers fill all {0} bits of a QA word, leaving none to mark their nodata pixels; drop a layer</source>
      <translation>这些 QA 图层占满了 QA 字的全部 {0} 位，没有剩余的位来标记无数据像元；请去掉一个图层</translation>
    </message>
    <message>
      <location filename="../core/qa/presets/landsat_c2_qa_pixel.json" line="3" />
      <source>Landsat Collection 2 QA_PIXEL</source>
      <translation>Landsat Collection 2 QA_PIXEL</translation>
    </message>
    <message>
      <location filename="../core/qa/presets/mod11_qc.json" line="3" />
      <source>MODIS MOD11A1/MYD11A1 QC_Day / QC_Night</source>
      <translation>MODIS MOD11A1/MYD11A1 QC_Day / QC_Night</translation>
    </message>
    <message>
      <location filename="../core/qa/presets/mod13_vi_quality.json" line="3" />
      <source>MODIS MOD13/MYD13 VI Quality</source>
      <translation>MODIS MOD13/MYD13 植被指数质量（VI Quality）</translation>
    </message>
    <message>
      <location filename="../core/qa/presets/mod15_fparextra_qc.json" line="3" />
      <source>MODIS MOD15A2H/MCD15A2H FparExtra_QC</source>
      <translation>MODIS MOD15A2H/MCD15A2H FparExtra_QC</translation>
    </message>
    <message>
      <location filename="../core/qa/presets/mod15_fparlai_qc.json" line="3" />
      <source>MODIS MOD15A2H/MCD15A2H FparLai_QC</source>
      <translation>MODIS MOD15A2H/MCD15A2H FparLai_QC</translation>
    </message>
    <message>
      <location filename="../core/qa/presets/own_lai.json" line="3" />
      <source>Own LAI product (DRT/ECO/WAT/TIM)</source>
      <translation>自有 LAI 产品（DRT/ECO/WAT/TIM）</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="107" />
      <source>QA {0} is a Landsat Collection 2 QA_PIXEL band, but the QA preset is {1}; its preset is landsat_c2_qa_pixel</source>
      <translation>QA {0} 是 Landsat Collection 2 QA_PIXEL 波段，但 QA 预设为 {1}；其对应预设为 landsat_c2_qa_pixel</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="111" />
      <source>QA {0} is a Landsat Collection 1 BQA band, but the QA preset landsat_c2_qa_pixel is the Collection 2 QA_PIXEL layout: the bits differ (bit 4 is cloud in BQA, cloud shadow in QA_PIXEL)</source>
      <translation>QA {0} 是 Landsat Collection 1 BQA 波段，但 QA 预设 landsat_c2_qa_pixel 是 Collection 2 QA_PIXEL 的布局：两者的位不同（第 4 位在 BQA 中为云，在 QA_PIXEL 中为云阴影）</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="115" />
      <source>QA {0} is the Landsat {1} band, but the QA preset landsat_c2_qa_pixel describes the QA_PIXEL band</source>
      <translation>QA {0} 是 Landsat {1} 波段，但 QA 预设 landsat_c2_qa_pixel 描述的是 QA_PIXEL 波段</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="80" />
      <source> (grid {0})</source>
      <translation>（子数据集 {0}）</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="86" />
      <source>; presets for it: {0}</source>
      <translation>；适用的预设：{0}</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="87" />
      <source>; no preset describes it</source>
      <translation>；没有预设描述它</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="88" />
      <source>QA {0} is MODIS {1}, but the QA preset {2} is for {3}{4}</source>
      <translation>QA {0} 是 MODIS {1}，但 QA 预设 {2} 适用于 {3}{4}</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="92" />
      <source>QA {0} is {1} collection {2}; the QA preset {3} follows collections {4}-6.1, whose bit layout differs from earlier collections</source>
      <translation>QA {0} 是 {1} 第 {2} 版（collection）；QA 预设 {3} 遵循第 {4}-6.1 版，其位布局与更早版本不同</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="97" />
      <source>; its preset is {0}</source>
      <translation>；其对应预设为 {0}</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="98" />
      <source>; the preset's QA grids: {0}</source>
      <translation>；该预设的 QA 子数据集：{0}</translation>
    </message>
    <message>
      <location filename="../core/qa/product_guard.py" line="99" />
      <source>QA {0}: grid {1} is not laid out as the QA preset {2}{3}</source>
      <translation>QA {0}：子数据集 {1} 的布局与 QA 预设 {2} 不符{3}</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="115" />
      <source>Syntax error at column {0}: unexpected '{1}'</source>
      <translation>第 {0} 列语法错误：意外的“{1}”</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="146" />
      <source>expected {0}</source>
      <translation>应为{0}</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="151" />
      <source>the end of the rule</source>
      <translation>规则结尾</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="152" />
      <source>Syntax error at column {0}: {1}, found {2}</source>
      <translation>第 {0} 列语法错误：{1}，实际为{2}</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="157" />
      <source>expected 'and', 'or' or the end of the rule</source>
      <translation>应为 'and'、'or' 或规则结尾</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="181" />
      <source>Rule nested too deeply at column {0} (more than {1} levels of parentheses or 'not')</source>
      <translation>规则在第 {0} 列嵌套过深（括号或 'not' 超过 {1} 层）</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="196" />
      <source>expected a field name</source>
      <translation>应为字段名</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="204" />
      <source>expected 'in' after 'not'</source>
      <translation>'not' 之后应为 'in'</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="207" />
      <source>'(' to open the list of values</source>
      <translation>用于开始值列表的 '('</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="212" />
      <source>',' or ')'</source>
      <translation>',' 或 ')'</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="216" />
      <source>expected a comparison (==, !=, &lt;, &lt;=, &gt;, &gt;=) or 'in' after '{0}'</source>
      <translation>“{0}”之后应为比较运算符（==、!=、&lt;、&lt;=、&gt;、&gt;=）或 'in'</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="224" />
      <source>{0} (column {1})</source>
      <translation>{0}（第 {1} 列）</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="230" />
      <source>Unknown field '{0}' at column {1}; fields of {2}: {3}</source>
      <translation>第 {1} 列有未知字段“{0}”；{2} 的字段：{3}</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="242" />
      <source>Value {0} at column {1} is out of range for '{2}' ({3}: 0-{4})</source>
      <translation>第 {1} 列的值 {0} 超出“{2}”的范围（{3}：0-{4}）</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="253" />
      <source>none, use numbers</source>
      <translation>无，请使用数字</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="255" />
      <source>Unknown label '{0}' for field '{1}' at column {2}; labels: {3}</source>
      <translation>第 {2} 列字段“{1}”的标签“{0}”未知；可用标签：{3}</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="259" />
      <source>expected a value (number or label) for '{0}'</source>
      <translation>“{0}”应有一个值（数字或标签）</translation>
    </message>
    <message>
      <location filename="../core/qa/rule.py" line="272" />
      <source>Syntax error at column {0}: '{1}' has leading zeros; write {2}</source>
      <translation>第 {0} 列语法错误：“{1}”有前导零；请写作 {2}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="106" />
      <source>Unknown field '{0}'; fields of {1}: {2}</source>
      <translation>未知字段“{0}”；{1} 的字段：{2}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="148" />
      <source>Field '{0}' is in several QA layers; write one of {1}</source>
      <translation>字段“{0}”存在于多个 QA 图层中；请写成以下之一：{1}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="154" />
      <source>QA scheme '{0}' has no fields</source>
      <translation>QA 方案“{0}”没有字段</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="162" />
      <source>Field name '{0}' is not usable in rules: use letters, digits and _, starting with a letter</source>
      <translation>字段名“{0}”无法在规则中使用：请使用字母、数字和 _，并以字母开头</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="166" />
      <source>Field name '{0}' is a rule keyword ({1}), so no rule could name it</source>
      <translation>字段名“{0}”是规则关键字（{1}），因此规则无法引用它</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="169" />
      <source>Duplicate field name '{0}'</source>
      <translation>字段名“{0}”重复</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="173" />
      <source>Field '{0}': first bit must be &gt;= 0 and bit count &gt;= 1 (got first bit {1}, bit count {2})</source>
      <translation>字段“{0}”：起始位必须 &gt;= 0 且位数必须 &gt;= 1（实际起始位 {1}，位数 {2}）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="178" />
      <source>Field '{0}' ends at bit {1}, beyond the {2} bits of the widest QA type</source>
      <translation>字段“{0}”结束于第 {1} 位，超出了最宽 QA 类型的 {2} 位</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="183" />
      <source>Fields '{0}' and '{1}' overlap at bit {2}</source>
      <translation>字段“{0}”与“{1}”在第 {2} 位重叠</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="189" />
      <source>Field '{0}': label '{1}' is for value {2}, but {3} bit(s) hold only 0-{4}</source>
      <translation>字段“{0}”：标签“{1}”对应值 {2}，但 {3} 位只能表示 0-{4}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="194" />
      <source>Field '{0}': label '{1}' is not usable in rules: use letters, digits and _, starting with a letter</source>
      <translation>字段“{0}”：标签“{1}”无法在规则中使用：请使用字母、数字和 _，并以字母开头</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="199" />
      <source>Field '{0}': label '{1}' is a rule keyword ({2}), so no rule could name it</source>
      <translation>字段“{0}”：标签“{1}”是规则关键字（{2}），因此规则无法引用它</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="203" />
      <source>Field '{0}': duplicate label '{1}'</source>
      <translation>字段“{0}”：标签“{1}”重复</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="218" />
      <source>{0} must be a whole number, got '{1}'</source>
      <translation>{0}必须是整数，实际为“{1}”</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="220" />
      <source>{0} is too large, got '{1}'</source>
      <translation>{0}过大，实际为“{1}”</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="228" />
      <source>{0}: value</source>
      <translation>{0}：值</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="230" />
      <source>{0}: value {1} is given twice, '{2}' and '{3}'</source>
      <translation>{0}：值 {1} 被给出两次，分别为“{2}”和“{3}”</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="244" />
      <source>Field '{0}' labels</source>
      <translation>字段“{0}”的标签</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="245" />
      <source>Field '{0}' meanings</source>
      <translation>字段“{0}”的含义</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="259" />
      <source>QA scheme is missing the key {0}</source>
      <translation>QA 方案缺少键 {0}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="268" />
      <source>Cannot read QA scheme file {0}: {1}</source>
      <translation>无法读取 QA 方案文件 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="270" />
      <source>QA scheme file {0} is not text (JSON or YAML)</source>
      <translation>QA 方案文件 {0} 不是文本文件（JSON 或 YAML）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="277" />
      <source>QA scheme file {0} is not valid JSON: {1}</source>
      <translation>QA 方案文件 {0} 不是有效的 JSON：{1}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="287" />
      <source>Unknown QA preset '{0}'; presets: {1}</source>
      <translation>未知的 QA 预设“{0}”；可用预设：{1}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="308" />
      <source>Field '{0}': labels must look like 0=DRT;1=ECO, got '{1}'</source>
      <translation>字段“{0}”：标签格式应类似 0=DRT;1=ECO，实际为“{1}”</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="310" />
      <source>Field '{0}': labelled value</source>
      <translation>字段“{0}”：带标签的值</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="313" />
      <source>Field '{0}': value {1} has two labels, '{2}' and '{3}'</source>
      <translation>字段“{0}”：值 {1} 有两个标签，“{2}”和“{3}”</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="328" />
      <source>Custom field row {0} needs at least: name, first bit, bit count</source>
      <translation>自定义字段行 {0} 至少需要：名称、起始位、位数</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="334" />
      <source>Field '{0}': first bit</source>
      <translation>字段“{0}”：起始位</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="335" />
      <source>Field '{0}': bit count</source>
      <translation>字段“{0}”：位数</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="340" />
      <source>The custom QA scheme has no fields: fill in at least one row</source>
      <translation>自定义 QA 方案没有字段：请至少填写一行</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="349" />
      <source>The custom field table has {0} cells, not a multiple of {1} (name, first bit, bit count, labels)</source>
      <translation>自定义字段表有 {0} 个单元格，不是 {1} 的倍数（名称、起始位、位数、标签）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="43" />
      <source>{0}… ({1:,} characters)</source>
      <translation>{0}…（共 {1:,} 个字符）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="68" />
      <source>bit {0}</source>
      <translation>第 {0} 位</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme.py" line="69" />
      <source>bits {0}-{1}</source>
      <translation>第 {0}-{1} 位</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="103" />
      <source>YAML QA scheme files need PyYAML (Debian: python3-yaml; pip: PyYAML)</source>
      <translation>YAML 格式的 QA 方案文件需要 PyYAML（Debian：python3-yaml；pip：PyYAML）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="116" />
      <source>no bit fields found: expected '{0}' (STAC), 'flag_info' (unpackqa) or 'fields' (LAI QA Toolkit)</source>
      <translation>未找到位字段：应包含 '{0}'（STAC）、'flag_info'（unpackqa）或 'fields'（LAI QA Toolkit）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="126" />
      <source>no {0} named '{1}'; the file has: {2}</source>
      <translation>没有名为“{1}”的{0}；文件中有：{2}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="131" />
      <source>The QA scheme file holds {0} {1} ({2}); using the first, {3} (name another as file#name)</source>
      <translation>QA 方案文件包含 {0} 个{1}（{2}）；使用第一个 {3}（如需其他，请写作 文件#名称）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="173" />
      <source>bit field {0} is not an object</source>
      <translation>位字段 {0} 不是对象</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="176" />
      <source>bit field {0} has no '{1}'</source>
      <translation>位字段 {0} 没有 '{1}'</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="177" />
      <source>Bit field {0}: offset</source>
      <translation>位字段 {0}：offset</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="178" />
      <source>Bit field {0}: length</source>
      <translation>位字段 {0}：length</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="196" />
      <source>Field '{0}': every class needs a 'value'</source>
      <translation>字段“{0}”：每个类别都需要 'value'</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="197" />
      <source>Field '{0}': class value</source>
      <translation>字段“{0}”：类别值</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="199" />
      <source>Field '{0}': class value {1} is given twice</source>
      <translation>字段“{0}”：类别值 {1} 被给出两次</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="226" />
      <source>Flag '{0}': bit</source>
      <translation>标志“{0}”：位</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="228" />
      <source>Flag '{0}' lists no bits</source>
      <translation>标志“{0}”未列出任何位</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="230" />
      <source>Flag '{0}': bits {1} are not consecutive; a field is a run of neighbouring bits</source>
      <translation>标志“{0}”：位 {1} 不连续；一个字段必须由相邻的位组成</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="233" />
      <source>Flag '{0}' uses bit {1}, but num_bits is {2}</source>
      <translation>标志“{0}”使用第 {1} 位，但 num_bits 为 {2}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="301" />
      <source>Unknown QA scheme file format '{0}'; formats: {1}</source>
      <translation>未知的 QA 方案文件格式“{0}”；可用格式：{1}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="309" />
      <source>A {0} scheme file must end in {1}: '{2}'</source>
      <translation>{0} 方案文件的扩展名必须为 {1}：“{2}”</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="310" />
      <source> or </source>
      <translation> 或 </translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="73" />
      <source>QA scheme file {0}: {1}</source>
      <translation>QA 方案文件 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="94" />
      <source> (line {0})</source>
      <translation>（第 {0} 行）</translation>
    </message>
    <message>
      <location filename="../core/qa/scheme_files.py" line="96" />
      <source>QA scheme file {0} is not valid YAML: {1}{2}</source>
      <translation>QA 方案文件 {0} 不是有效的 YAML：{1}{2}</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="107" />
      <source>The rule reads fields of {0} bits together; value lists stop at {1} bits ({2:,} values)</source>
      <translation>该规则读取的字段合计 {0} 位；值列表最多支持 {1} 位（{2:,} 个值）</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="110" />
      <source>The scheme's fields hold more than {0:,} value combinations: values are listed over the fields the rule reads, with {1} at 0 (the rule ignores them).</source>
      <translation>该方案的字段有超过 {0:,} 种取值组合：仅按规则读取的字段列出取值，{1} 取 0（规则不读取它们）。</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="138" />
      <source>The value list is empty: give raw QA values such as 0, 2, 24</source>
      <translation>值列表为空：请给出原始 QA 值，如 0, 2, 24</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="143" />
      <source>'{0}' in the value list is not a whole number</source>
      <translation>值列表中的“{0}”不是整数</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="146" />
      <source>QA value {0} is beyond the scheme's span ({1} bits: 0-{2})</source>
      <translation>QA 值 {0} 超出方案的范围（{1} 位：0-{2}）</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="157" />
      <source>QA value {0} is negative: QA values are bit patterns, 0 or more</source>
      <translation>QA 值 {0} 为负数：QA 值是位模式，必须大于等于 0</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="189" />
      <source>The value list spreads over more than {0:,} combinations of field values; give fewer values</source>
      <translation>值列表涉及超过 {0:,} 种字段取值组合；请给出更少的值</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="203" />
      <source>Values {0} set bits of no field; a rule cannot tell them from the same values with those bits at 0.</source>
      <translation>值 {0} 设置了不属于任何字段的位；规则无法将它们与这些位为 0 的相同值区分开。</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="373" />
      <source>Give a rule or a list of QA values, not both</source>
      <translation>请给出规则或 QA 值列表，不要同时给出两者</translation>
    </message>
    <message>
      <location filename="../core/qa/value_lists.py" line="82" />
      <source>Bit(s) {0} belong to no field: rules never read them, so the values are listed with them at 0, and each kept value is kept whatever those bits hold.</source>
      <translation>第 {0} 位不属于任何字段：规则从不读取它们，因此列出的值中这些位为 0，且无论这些位取何值，保留的值都会被保留。</translation>
    </message>
    <message>
      <location filename="../core/qa_rasters.py" line="51" />
      <source>Band {0} holds {1} values: not a QA band (QA bands hold integers whose bits are flags)</source>
      <translation>波段 {0} 的值类型为 {1}：不是 QA 波段（QA 波段存储的是以位作为标志的整数）</translation>
    </message>
    <message>
      <location filename="../core/qa_rasters.py" line="56" />
      <source>This raster holds the decoded fields of {0} ({1}), not QA bits: inspect the QA raster they were decoded from</source>
      <translation>此栅格存储的是 {0} 已解码的字段（{1}），而不是 QA 位：请查看解码所用的原始 QA 栅格</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="106" />
      <source>{0}: '{1}' holds {2} grids; using {3}</source>
      <translation>{0}：“{1}”包含 {2} 个子数据集；使用 {3}</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="109" />
      <source>no grid named {0}; </source>
      <translation>没有名为 {0} 的子数据集；</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="111" />
      <source>{0}: '{1}' is a container of {2} grids ({3}pick one): {4}. Full names: {5}</source>
      <translation>{0}：“{1}”是包含 {2} 个子数据集的容器文件（{3}请选择其一）：{4}。完整名称：{5}</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="115" />
      <source>{0}: '{1}' holds no raster band</source>
      <translation>{0}：“{1}”不含栅格波段</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="134" />
      <source>{0}: band {1} does not exist; '{2}' has {3} bands (1-{3})</source>
      <translation>{0}：波段 {1} 不存在；“{2}”有 {3} 个波段（1-{3}）</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="135" />
      <source>{0}: band {1} does not exist; '{2}' has {3} band (1-{3})</source>
      <translation>{0}：波段 {1} 不存在；“{2}”有 {3} 个波段（1-{3}）</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="191" />
      <source>{0} '{1}' is the {2} file '{3}': writing it would destroy an input; choose another output file</source>
      <translation>{0}“{1}”就是{2}文件“{3}”：写入它会破坏输入数据；请选择其他输出文件</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="227" />
      <source>{0} band {1} is {2}; bit fields need an integer band (Byte, UInt16, Int16, UInt32, Int32). Is this the QA band?</source>
      <translation>{0} 波段 {1} 的类型为 {2}；位字段需要整数波段（Byte、UInt16、Int16、UInt32、Int32）。这是 QA 波段吗？</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="284" />
      <source>QA layer {0}</source>
      <translation>QA 图层 {0}</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="287" />
      <source>{0} is {1}x{2} pixels but the QA raster is {3}x{4}; every QA layer must share the QA grid</source>
      <translation>{0} 为 {1}x{2} 像元，而 QA 栅格为 {3}x{4}；所有 QA 图层必须与 QA 栅格共用同一网格</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="330" />
      <source>Cannot read rows {0}-{1} of '{2}' ({3}); the file may be truncated</source>
      <translation>无法读取“{2}”的第 {0}-{1} 行（{3}）；文件可能已被截断</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="331" />
      <source>read error</source>
      <translation>读取错误</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="82" />
      <source>{0}: cannot open '{1}' as a raster ({2})</source>
      <translation>{0}：无法将“{1}”作为栅格打开（{2}）</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="82" />
      <source>unknown format</source>
      <translation>未知格式</translation>
    </message>
    <message>
      <location filename="../core/readers.py" line="93" />
      <source>{0}: no raster given</source>
      <translation>{0}：未指定栅格</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="110" />
      <source>Inputs</source>
      <translation>输入</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="111" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="112" />
      <source>Software and date</source>
      <translation>软件与日期</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="174" />
      <source>OLS</source>
      <translation>OLS</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="175" />
      <source>RMA</source>
      <translation>RMA</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="180" />
      <source>GCOS max(0.5, 20 %)</source>
      <translation>GCOS 要求 max(0.5, 20%)</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="189" />
      <source>Pixels (log)</source>
      <translation>像元数（对数）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="201" />
      <source>Product against reference: every kept pixel counted in 0.05 LAI bins, with the 1:1, OLS and RMA lines and the GCOS envelope</source>
      <translation>待验证产品与参考产品：所有保留像元按 0.05 LAI 分箱计数，附 1:1 线、OLS 与 RMA 回归线及 GCOS 要求范围</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="260" />
      <source>Product - reference (LAI)</source>
      <translation>待验证产品 − 参考产品（LAI）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="260" />
      <source>|Product - reference| (LAI)</source>
      <translation>|待验证产品 − 参考产品|（LAI）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="261" />
      <source>Share of the class's pixels (%)</source>
      <translation>占该类像元的比例（%）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="270" />
      <source>Difference product - reference per class, every kept pixel (from the density: to within 0.05 LAI)</source>
      <translation>各类别的差值（待验证产品 − 参考产品），全部保留像元（由密度计算，精度 0.05 LAI 以内）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="272" />
      <source>Absolute difference per class, every kept pixel (from the statistics' 0.01 LAI histogram; the sign is in the bias)</source>
      <translation>各类别的绝对差值，全部保留像元（来自统计量的 0.01 LAI 直方图；符号见偏差）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="306" />
      <source>x (map units)</source>
      <translation>x（地图单位）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="306" />
      <source>y (map units)</source>
      <translation>y（地图单位）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="309" />
      <source>Tiles coloured by their bias over all their dates (class 'all'; grey: no kept pixel)</source>
      <translation>按各分幅全部日期的偏差着色（类别 'all'；灰色：无保留像元）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="318" />
      <source>Bias and RMSE per date, pooled over the tiles of the date</source>
      <translation>各日期的偏差与均方根误差，按该日期全部分幅合并</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="378" />
      <source>d = product - reference; SD of d with n - 1; OLS regresses product on reference; RMA is the reduced major axis. Shares within GCOS measure agreement with a reference that has its own error, not conformity.</source>
      <translation>d = 待验证产品 − 参考产品；d 的标准差按 n − 1 计算；OLS 以待验证产品对参考产品回归；RMA 为约化主轴回归。GCOS 范围内的比例衡量与自身也有误差的参考产品的一致程度，而非达标与否。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="380" />
      <source>Statistics per stratum and class</source>
      <translation>分层分类统计</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="383" />
      <source>Completeness: pixels kept, and why the others were not</source>
      <translation>完整性：保留的像元及其余像元未保留的原因</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="391" />
      <source>Figures</source>
      <translation>图</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="397" />
      <source>No density: the scatter needs the exact density (OUTPUT_DENSITY, or DENSITY in a batch).</source>
      <translation>无密度：散点图需要精确密度（OUTPUT_DENSITY，批处理中为 DENSITY）。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="412" />
      <source>LAI validation report</source>
      <translation>LAI 验证报告</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="421" />
      <source>Pooled over all pairs from their running sums.</source>
      <translation>由各配对的累加和合并全部配对。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="429" />
      <source>Tiles</source>
      <translation>分幅</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="435" />
      <source>Pairs (class all)</source>
      <translation>配对（类别 all）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="44" />
      <source>Mean product</source>
      <translation>待验证产品均值</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="440" />
      <source>None: every pair was compared.</source>
      <translation>无：所有配对均已比较。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="442" />
      <source>Over time</source>
      <translation>时间序列</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="444" />
      <source>Temporal consistency per tile</source>
      <translation>各分幅的时间一致性</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="448" />
      <source>Bias trend: least-squares slope of the date bias against time (LAI per year). Jumps: mean change of the tile mean between consecutive dates; a ratio above 1 means the product jumps more than the reference.</source>
      <translation>偏差趋势：各日期偏差对时间的最小二乘斜率（LAI/年）。跳变：相邻日期间分幅均值变化量的平均值；比值大于 1 表示待验证产品的跳变大于参考产品。</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="45" />
      <source>Mean reference</source>
      <translation>参考产品均值</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="45" />
      <source>Bias</source>
      <translation>偏差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="45" />
      <source>MAE</source>
      <translation>平均绝对误差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="45" />
      <source>RMSE</source>
      <translation>均方根误差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="450" />
      <source>LAI validation report: batch</source>
      <translation>LAI 验证报告：批处理</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="46" />
      <source>SD</source>
      <translation>标准差</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="46" />
      <source>Bias (% of reference)</source>
      <translation>偏差（参考均值的 %）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="46" />
      <source>RMSE (% of reference)</source>
      <translation>均方根误差（参考均值的 %）</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="47" />
      <source>Median |d|</source>
      <translation>|d| 中位数</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="47" />
      <source>Within GCOS max(0.5, 20 %)</source>
      <translation>GCOS max(0.5, 20%) 范围内</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="48" />
      <source>Within GCOS-244 threshold</source>
      <translation>GCOS-244 阈值范围内</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="48" />
      <source>Within GCOS-244 goal</source>
      <translation>GCOS-244 目标范围内</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="49" />
      <source>Pearson r</source>
      <translation>皮尔逊 r</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="49" />
      <source>OLS slope</source>
      <translation>OLS 斜率</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="49" />
      <source>OLS intercept</source>
      <translation>OLS 截距</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="50" />
      <source>RMA intercept</source>
      <translation>RMA 截距</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="50" />
      <source>Stratum</source>
      <translation>分层</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="51" />
      <source>Pixels</source>
      <translation>像元数</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="51" />
      <source>Kept</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="51" />
      <source>QA nodata</source>
      <translation>QA 无数据</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="51" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="52" />
      <source>Product fill or out of range</source>
      <translation>待验证产品填充值或超出范围</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="53" />
      <source>No reference after alignment</source>
      <translation>对齐后无参考值</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="54" />
      <source>Reference fill or out of range</source>
      <translation>参考产品填充值或超出范围</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="55" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="55" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="55" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="55" />
      <source>Tile</source>
      <translation>分幅</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="56" />
      <source>Dates</source>
      <translation>日期数</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="56" />
      <source>Bias trend per year</source>
      <translation>每年偏差趋势</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="57" />
      <source>Product mean jump</source>
      <translation>待验证产品均值跳变</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="57" />
      <source>Reference mean jump</source>
      <translation>参考产品均值跳变</translation>
    </message>
    <message>
      <location filename="../core/report.py" line="58" />
      <source>Jump ratio</source>
      <translation>跳变比</translation>
    </message>
    <message>
      <location filename="../core/stats.py" line="237" />
      <source>{0}: {1} pixels, {2} kept; not kept: {3}</source>
      <translation>{0}：{1} 个像元，保留 {2} 个；未保留：{3}</translation>
    </message>
    <message>
      <location filename="../core/stats.py" line="252" />
      <source>{0}: no valid pixels</source>
      <translation>{0}：没有有效像元</translation>
    </message>
    <message>
      <location filename="../core/stats.py" line="253" />
      <source>{0}: N={1} mean product={2:.4f} mean reference={3:.4f} bias={4:.4f} MAE={5:.4f} RMSE={6:.4f} SD={7:.4f} r={8:.4f} slope={9:.4f} intercept={10:.4f} RMA slope={11:.4f} RMA intercept={12:.4f} median |d|={13:.2f} within GCOS={14:.2%} within GCOS-244 threshold={15:.2%} goal={16:.2%}</source>
      <translation>{0}：N={1} 待验证产品均值={2:.4f} 参考产品均值={3:.4f} 偏差={4:.4f} MAE={5:.4f} RMSE={6:.4f} SD={7:.4f} r={8:.4f} 斜率={9:.4f} 截距={10:.4f} RMA 斜率={11:.4f} RMA 截距={12:.4f} |d| 中位数={13:.2f} 满足 GCOS={14:.2%} 满足 GCOS-244 阈值={15:.2%} 目标={16:.2%}</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="113" />
      <source>Strata band {0} of '{1}' is {2}; strata need an integer class raster (Byte, UInt16, Int16, UInt32, Int32)</source>
      <translation>“{1}”的分层波段 {0} 类型为 {2}；分层需要整数类别栅格（Byte、UInt16、Int16、UInt32、Int32）</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="116" />
      <source>Strata: '{0}' band {1}, {2} strata</source>
      <translation>分层：“{0}”波段 {1}，共 {2} 层</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="119" />
      <source> (same grid)</source>
      <translation>（同一格网）</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="128" />
      <source> (nearest neighbour onto the product grid)</source>
      <translation>（最邻近法重采样到待验证产品格网）</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="51" />
      <source>Unknown strata preset '{0}'; use one of {1}</source>
      <translation>未知的分层预设“{0}”；请使用以下之一：{1}</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="67" />
      <source>Strata labels must look like 1=Grasslands;2=Shrublands with values 0-{0}, got '{1}'</source>
      <translation>分层标签格式应类似 1=Grasslands;2=Shrublands，值为 0-{0}，实际为“{1}”</translation>
    </message>
    <message>
      <location filename="../core/strata.py" line="70" />
      <source>Strata labels: value {0} has two labels, '{1}' and '{2}'</source>
      <translation>分层标签：值 {0} 有两个标签，“{1}”和“{2}”</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="132" />
      <source>No space left on device ({0} bytes free); {1}</source>
      <translation>设备空间不足（剩余 {0} 字节）；{1}</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="222" />
      <source>Writing '{0}' failed at column {1}, row {2}: {3}</source>
      <translation>写入“{0}”时在第 {1} 列、第 {2} 行失败：{3}</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="223" />
      <source>write error</source>
      <translation>写入错误</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="283" />
      <source>Cannot create '{0}' with GDAL {1}: {2}</source>
      <translation>无法用 GDAL {1} 创建“{0}”：{2}</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="321" />
      <source>the written file cannot be opened again ({0})</source>
      <translation>写入的文件无法再次打开（{0}）</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="324" />
      <source>the written file is {0}x{1} with {2} bands, not {3}x{4} with {5}</source>
      <translation>写入的文件为 {0}x{1}，有 {2} 个波段，而不是 {3}x{4}，{5} 个波段</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="331" />
      <source>{0} tiles are missing from the written file</source>
      <translation>写入的文件中缺少 {0} 个瓦片</translation>
    </message>
    <message>
      <location filename="../core/writers.py" line="56" />
      <source>Cannot write to the folder of '{0}': {1}</source>
      <translation>无法写入“{0}”所在的文件夹：{1}</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="31" />
      <source>LAI QA Compare…</source>
      <translation>LAI QA 对比…</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="34" />
      <source>QA pixel inspector</source>
      <translation>QA 像元查看器</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="39" />
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
      <location filename="../processing_provider/batch_compare.py" line="102" />
      <source>Product folder</source>
      <translation>待验证产品文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="103" />
      <source>Reference folder</source>
      <translation>参考产品文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="105" />
      <source>Product file pattern (several separated by ;)</source>
      <translation>待验证产品文件名模式（多个以 ; 分隔）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="107" />
      <source>Reference file pattern (several separated by ;)</source>
      <translation>参考产品文件名模式（多个以 ; 分隔）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="108" />
      <source>Search sub-folders</source>
      <translation>搜索子文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="110" />
      <source>Key pattern: one regular expression per key part, separated by ;</source>
      <translation>配对关键字模式：每个关键字部分一个正则表达式，以 ; 分隔</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="112" />
      <source>Product LAI</source>
      <translation>待验证产品 LAI</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="113" />
      <source>QA band (in the product file)</source>
      <translation>QA 波段（位于待验证产品文件中）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="115" />
      <source>Reference LAI</source>
      <translation>参考产品 LAI</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="118" />
      <source>Count the exact density of product against reference LAI (per pair &lt;key&gt;.density.npz, pooled density.npz)</source>
      <translation>统计待验证产品与参考产品 LAI 的精确密度（每对 &lt;key&gt;.density.npz，合并为 density.npz）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="120" />
      <source>Product grid in HDF containers (e.g. Lai_500m)</source>
      <translation>HDF 文件中待验证产品的子数据集（如 Lai_500m）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="122" />
      <source>Reference grid in HDF containers</source>
      <translation>HDF 文件中参考产品的子数据集</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="123" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="125" />
      <source>Pairs at a time (0 = one per core)</source>
      <translation>同时处理的配对数（0 = 每个 CPU 核一对）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="128" />
      <source>Run pairs in</source>
      <translation>配对的运行方式</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="128" />
      <source>threads of this process</source>
      <translation>本进程的线程</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="129" />
      <source>local processes</source>
      <translation>本地多进程</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="129" />
      <source>a Dask cluster</source>
      <translation>Dask 集群</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="132" />
      <source>Dask scheduler address (e.g. tcp://host:8786; empty = a local cluster of WORKERS processes)</source>
      <translation>Dask 调度器地址（如 tcp://host:8786；留空 = 启动由 WORKERS 个进程组成的本地集群）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="135" />
      <source>Overwrite complete outputs of an earlier run</source>
      <translation>覆盖之前运行已完整写出的结果</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="137" />
      <source>Also write one folder per class (DRT/h12v03.tif …)</source>
      <translation>同时按类别分文件夹输出（DRT/h12v03.tif …）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="140" />
      <source>Summary table (CSV)</source>
      <translation>汇总表（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="141" />
      <source>Tile footprints with statistics</source>
      <translation>带统计量的分幅范围</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="142" />
      <source>Pairs</source>
      <translation>配对数</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="143" />
      <source>Failed pairs</source>
      <translation>失败的配对数</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="144" />
      <source>Statistics per stratum (CSV)</source>
      <translation>分层统计（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="145" />
      <source>Pooled density (numpy .npz)</source>
      <translation>合并密度（numpy .npz）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="146" />
      <source>Statistics per date (CSV)</source>
      <translation>按日期统计（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="147" />
      <source>Statistics per tile over its dates (CSV)</source>
      <translation>各分幅全部日期统计（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="149" />
      <source>Temporal consistency per tile (CSV)</source>
      <translation>各分幅时间一致性（CSV）</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="176" />
      <source>Pooled over all pairs:</source>
      <translation>全部配对合并统计：</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="68" />
      <source>Batch LAI comparison of tile folders</source>
      <translation>分幅文件夹批量 LAI 对比</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="71" />
      <source>Pairs product and reference files by keys in their names (default: acquisition date AYYYYDDD and MODIS tile hXXvYY; KEY_PATTERN lists one regular expression per key part, separated by ';'; two files pair when every part both names carry is equal). Unmatched and ambiguous files are listed, never guessed. Each pair runs the QA-masked difference with the same settings as laiqa:maskeddifference, WORKERS pairs at a time, into OUTPUT_FOLDER/&amp;lt;key&amp;gt;.tif. A failing pair is recorded with its reason and the batch goes on. Complete outputs of an earlier run are skipped unless OVERWRITE is set. Writes summary.csv (per pair and class, plus statistics pooled over all pairs from the running sums), tiles.gpkg (tile footprints styled by bias) and one VRT mosaic per date and class; with STRATA also strata.csv (per pair, stratum and class, and pooled), with DENSITY the exact density per pair and pooled (density.npz). A MODIS granule folder works on either side: name its grids in PRODUCT_SUBDATASET / QA_SUBDATASET / REFERENCE_SUBDATASET (e.g. Lai_500m, FparLai_QC).</source>
      <translation>按文件名中的关键字配对待验证产品与参考产品文件（默认：获取日期 AYYYYDDD 与 MODIS 分幅号 hXXvYY；KEY_PATTERN 为每个关键字部分给出一个正则表达式，以“;”分隔；两个文件名中都含有的各部分全部相同时即配对）。未匹配与有歧义的文件会列出，绝不猜测。每一对都以与 laiqa:maskeddifference 相同的设置计算 QA 掩膜差值，每次并行 WORKERS 对，输出到 OUTPUT_FOLDER/&amp;lt;key&amp;gt;.tif。某一对失败时记录原因，批处理继续。除非设置 OVERWRITE，之前运行已完整写出的结果会被跳过。输出 summary.csv（每对、每类的统计，以及由累加和合并得到的全部配对统计）、tiles.gpkg（按偏差着色的分幅范围）以及每个日期、每个类别一个 VRT 镶嵌；给定 STRATA 时还输出 strata.csv（每对、每层、每类的统计及合并统计），选择 DENSITY 时输出每对及合并的精确密度（density.npz）。任一侧都可以是 MODIS 数据文件夹：在 PRODUCT_SUBDATASET / QA_SUBDATASET / REFERENCE_SUBDATASET 中填写子数据集名（如 Lai_500m、FparLai_QC）。</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="83" />
      <source>EXECUTOR: threads of this process (default), local processes, or a Dask cluster: SCHEDULER names a running scheduler (tcp://host:8786, e.g. started by dask-jobqueue on SLURM or PBS); empty starts a local cluster of WORKERS processes for this run. Workers write into OUTPUT_FOLDER, which must be on storage they all see. Dask is optional: pip install 'dask[distributed]'.</source>
      <translation>EXECUTOR：本进程的线程（默认）、本地多进程或 Dask 集群。SCHEDULER 为正在运行的调度器地址（tcp://host:8786，例如由 dask-jobqueue 在 SLURM 或 PBS 上启动）；留空则为本次运行启动由 WORKERS 个进程组成的本地集群。各工作进程直接写入 OUTPUT_FOLDER，它必须位于所有工作进程都能访问的存储上。Dask 为可选依赖：pip install 'dask[distributed]'。</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="88" />
      <source>Over time (keys with a date AYYYYDDD): summary_by_date.csv pools every tile of a date, summary_by_tile.csv every date of a tile, temporal_consistency.csv gives per tile the bias trend per year and how much the product's and the reference's means jump between dates; tiles.gpkg has a date field for QGIS's temporal controller. OUTPUT_REPORT: an HTML report with the tables, figures, tiles by bias, every pair, the failed pairs and the time series.</source>
      <translation>时间序列（关键字含日期 AYYYYDDD 时）：summary_by_date.csv 合并同一日期的全部分幅，summary_by_tile.csv 合并同一分幅的全部日期，temporal_consistency.csv 给出各分幅每年的偏差趋势，以及待验证产品与参考产品均值在相邻日期间的跳变幅度；tiles.gpkg 含日期字段，可用于 QGIS 的时间控制器。OUTPUT_REPORT：HTML 报告，包含统计表、图、按偏差着色的分幅、每个配对、失败的配对及时间序列。</translation>
    </message>
    <message>
      <location filename="../processing_provider/batch_compare.py" line="97" />
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
      <location filename="../processing_provider/decode_qa_bits.py" line="61" />
      <source>QA nodata pixels (nodata in every band): {0}</source>
      <translation>QA 无效值像元（在所有波段中为无效值）：{0}</translation>
    </message>
    <message>
      <location filename="../processing_provider/decode_qa_bits.py" line="72" />
      <source>QA fields ({0})</source>
      <translation>QA 字段（{0}）</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="26" />
      <source>Explain a QA rule (value lists, exports)</source>
      <translation>解释 QA 规则（取值列表、导出）</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="29" />
      <source>Lists the raw QA values a rule keeps (KEPT_VALUES, with KEPT_COUNT and DROPPED_COUNT over every combination of the scheme's field values), or turns a list of raw QA values such as &lt;code&gt;0, 2, 24, 26, 32, 34, 56, 58&lt;/code&gt; (also &lt;code&gt;c(…)&lt;/code&gt; or &lt;code&gt;[…]&lt;/code&gt;) into the shortest readable rule we find that keeps exactly those values (RULE_FROM_VALUES). Give RULE or VALUES, not both; with neither, the scheme's default rule is explained. For a rule, RULE_FROM_VALUES is the shortest rule keeping the same values. The rule is also written for Earth Engine (JavaScript and Python, image &lt;code&gt;qa&lt;/code&gt;), numpy (array &lt;code&gt;qa&lt;/code&gt;), gdal_calc.py (&lt;code&gt;--calc&lt;/code&gt; with the QA band as &lt;code&gt;-A&lt;/code&gt;) and the QGIS raster calculator (band &lt;code&gt;"qa@1"&lt;/code&gt;: rename it to your layer). Bits that belong to no field are listed at 0: rules never read them.</source>
      <translation>列出规则保留的原始 QA 值（KEPT_VALUES，并给出在方案所有字段取值组合上的 KEPT_COUNT 与 DROPPED_COUNT），或将原始 QA 值列表（如 &lt;code&gt;0, 2, 24, 26, 32, 34, 56, 58&lt;/code&gt;，也可写作 &lt;code&gt;c(…)&lt;/code&gt; 或 &lt;code&gt;[…]&lt;/code&gt;）转换为恰好保留这些值的最短可读规则（RULE_FROM_VALUES）。RULE 与 VALUES 只能给出其一；两者都不给时解释方案的默认规则。给出规则时，RULE_FROM_VALUES 是保留相同取值的最短规则。规则还会写成 Earth Engine （JavaScript 与 Python，影像 &lt;code&gt;qa&lt;/code&gt;）、numpy（数组 &lt;code&gt;qa&lt;/code&gt;）、gdal_calc.py（&lt;code&gt;--calc&lt;/code&gt;，QA 波段为 &lt;code&gt;-A&lt;/code&gt;）和 QGIS 栅格计算器（波段 &lt;code&gt;"qa@1"&lt;/code&gt;：请改为你的图层名）的表达式。不属于任何字段的位按 0 列出：规则从不读取它们。</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="46" />
      <source>Raw QA values to turn into a rule (e.g. 0, 2, 24; instead of a rule)</source>
      <translation>要转换为规则的原始 QA 值（如 0, 2, 24；代替规则）</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="48" />
      <source>Raw QA values kept</source>
      <translation>保留的原始 QA 值</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="49" />
      <source>Number of QA values kept</source>
      <translation>保留的 QA 值个数</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="50" />
      <source>Number of QA values dropped</source>
      <translation>剔除的 QA 值个数</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="51" />
      <source>Rule from the values</source>
      <translation>由取值得到的规则</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="57" />
      <source>Earth Engine JavaScript</source>
      <translation>Earth Engine JavaScript</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="57" />
      <source>Earth Engine Python</source>
      <translation>Earth Engine Python</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="58" />
      <source>numpy</source>
      <translation>numpy</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="58" />
      <source>gdal_calc.py --calc</source>
      <translation>gdal_calc.py --calc</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="59" />
      <source>QGIS raster calculator</source>
      <translation>QGIS 栅格计算器</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="67" />
      <source>Scheme: {0}; rule: {1}</source>
      <translation>方案：{0}；规则：{1}</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="68" />
      <source>(none: keep all)</source>
      <translation>（无：全部保留）</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="71" />
      <source>Keeps {0:,} QA values: {1} ({2:,} dropped)</source>
      <translation>保留 {0:,} 个 QA 值：{1}（剔除 {2:,} 个）</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="74" />
      <source>No rule over the scheme's fields keeps exactly these values; the closest adds {0} and misses {1}</source>
      <translation>没有基于方案字段的规则能恰好保留这些值；最接近的规则多出 {0}，缺少 {1}</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="79" />
      <source>Rule from the values: {0}</source>
      <translation>由取值得到的规则：{0}</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="80" />
      <source>(empty: keeps every value)</source>
      <translation>（空：保留所有值）</translation>
    </message>
    <message>
      <location filename="../processing_provider/explain_rule.py" line="82" />
      <source>KEPT_VALUES holds the first {0:,} values</source>
      <translation>KEPT_VALUES 只含前 {0:,} 个值</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="20" />
      <source>Export a QA scheme to a file</source>
      <translation>将 QA 方案导出为文件</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="24" />
      <source>STAC classification:bitfields (JSON)</source>
      <translation>STAC classification:bitfields（JSON）</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="24" />
      <source>unpackqa product (YAML)</source>
      <translation>unpackqa 产品（YAML）</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="25" />
      <source>LAI QA Toolkit scheme (JSON)</source>
      <translation>LAI QA Toolkit 方案（JSON）</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="28" />
      <source>Writes a QA scheme (a preset, the custom fields, or a scheme file) as a file to share or to load again with SCHEME_FILE. STAC: the classification extension's bit fields, our labels as class names and their meanings as descriptions, our scheme's name, source and default rule under laiqa:scheme. unpackqa: one product with its flags' bits (no labels: the format has none). LAI QA Toolkit: the presets' own JSON, everything kept. JSON formats end in .json, YAML in .yaml or .yml.</source>
      <translation>将 QA 方案（预设、自定义字段或方案文件）写成文件，便于共享，或通过 SCHEME_FILE 再次加载。STAC：分类扩展的位字段，我们的标签作为类别名称，其含义作为描述，方案的名称、来源和默认规则写在 laiqa:scheme 下。unpackqa：一个产品及其各标志的位（无标签：该格式没有标签）。LAI QA Toolkit：预设自身的 JSON，保留全部内容。JSON 格式以 .json 结尾，YAML 以 .yaml 或 .yml 结尾。</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="38" />
      <source>File format</source>
      <translation>文件格式</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="41" />
      <source>QA scheme file</source>
      <translation>QA 方案文件</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="41" />
      <source>JSON (*.json);;YAML (*.yaml *.yml)</source>
      <translation>JSON (*.json);;YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="42" />
      <source>Scheme name</source>
      <translation>方案名称</translation>
    </message>
    <message>
      <location filename="../processing_provider/export_scheme.py" line="49" />
      <source>Wrote {0} ({1} fields) as {2}: {3}</source>
      <translation>已将 {0}（{1} 个字段）写为 {2}：{3}</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="101" />
      <source>LAI difference</source>
      <translation>LAI 差值</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="102" />
      <source>Statistics per class</source>
      <translation>分类统计</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="103" />
      <source>Completeness per class: pixels kept and why not</source>
      <translation>各类别完整性：保留的像元及未保留的原因</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="104" />
      <source>Statistics per stratum and class (with STRATA)</source>
      <translation>分层、分类别统计（需 STRATA）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="106" />
      <source>Density: product against reference LAI of every kept pixel, 0.05 LAI bins (numpy .npz, optional)</source>
      <translation>密度：每个保留像元的产品与参考 LAI，0.05 LAI 区间（numpy .npz，可选）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="107" />
      <source>numpy archive (*.npz)</source>
      <translation>numpy 归档（*.npz）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="111" />
      <source>Folder for one file per class (optional)</source>
      <translation>按类别分别输出文件的文件夹（可选）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="114" />
      <source>Sample of kept pixels for plots (CSV, optional)</source>
      <translation>用于绘图的保留像元样本（CSV，可选）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="119" />
      <source>Write the difference as a Cloud Optimized GeoTIFF (COG)</source>
      <translation>将差值写为云优化 GeoTIFF（COG）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="175" />
      <source>Provenance: {0}</source>
      <translation>来源与处理记录：{0}</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="178" />
      <source>LAI difference: product - reference (LAI)</source>
      <translation>LAI 差值：待验证产品 - 参考产品（LAI）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="62" />
      <source>QA-masked LAI difference with statistics</source>
      <translation>QA 掩膜的 LAI 差值及统计</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="65" />
      <source>Product LAI minus reference LAI (in LAI units), kept where the QA rule holds and both values are valid, split into one band per class of SPLIT_FIELD (e.g. DRT, ECO, WAT, TIM) plus 'all'. Float32, nodata -9999. Scale, offset, valid range and fill values (stored units) come from your overrides, else the file's metadata, else the preset; the log states each value and its origin. A raster without georeference whose name carries a MODIS tile id hXXvYY is placed on the MODIS sinusoidal grid. A reference on another grid is resampled onto the product grid with GDAL (RESAMPLING auto: average when the reference is finer, else nearest). Statistics per class: N, mean product, mean reference, bias, MAE, RMSE, SD (n-1), Pearson r, OLS slope and intercept (product on reference), and the share within the GCOS requirement max(0.5, 20 % of reference).</source>
      <translation>待验证产品 LAI 减去参考产品 LAI（LAI 单位），仅保留满足 QA 规则且两者均为有效值的像元，并按 SPLIT_FIELD 的类别（如 DRT、ECO、WAT、TIM）各输出一个波段，另加 “all” 波段。Float32，无效值 -9999。缩放系数、偏移量、有效范围与填充值（存储单位）依次取自您的设置、文件元数据、预设；日志会写明每个取值及其来源。没有地理参考但文件名含 MODIS 分幅号 hXXvYY 的栅格会被放置到 MODIS 正弦投影格网上。参考产品格网不同时，用 GDAL 重采样到待验证产品格网（RESAMPLING 自动：参考产品更精细时取平均，否则取最邻近）。每类统计量：样本数 N、待验证产品均值、参考产品均值、偏差、平均绝对误差（MAE）、均方根误差（RMSE）、标准差（n-1）、皮尔逊相关系数 r、最小二乘回归斜率与截距（待验证产品对参考产品），以及满足 GCOS 精度要求 max(0.5, 参考值的 20%) 的像元比例。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="75" />
      <source>Also per class: reduced (standardised) major axis and major axis lines (Model II: both products carry error), a Deming line when DEMING_LAMBDA gives the ratio of the product's error variance to the reference's, the shares within the GCOS-244 threshold (|d| &lt;= max(0.1, 20 % of reference)) and goal (max(0.05, 10 %)), bias and RMSE in % of the mean reference, and the median |d| (0.01 LAI bins). These shares measure agreement with a reference that has its own error, not conformity. OUTPUT_COMPLETENESS counts, per class, the pixels the QA puts in it, those kept, and why the others were not (QA nodata, the rule, product fill or out of range, no reference after alignment, reference fill or out of range).</source>
      <translation>每个类别另给出：约化（标准化）主轴与主轴回归线（II 型回归：两种产品都含误差）；当 DEMING_LAMBDA 给出待验证产品与参考产品误差方差之比时，给出 Deming 回归线；满足 GCOS-244 阈值（|d| &lt;= max(0.1, 参考值的 20 %)）与目标（max(0.05, 10 %)）的像元比例；以平均参考值百分比表示的偏差与 RMSE；以及 |d| 的中位数（0.01 LAI 分箱）。这些比例衡量的是与自身也含误差的参考产品的一致程度，而非达标与否。OUTPUT_COMPLETENESS 按类别统计 QA 归入该类的像元数、保留的像元数，以及其余像元未被保留的原因（QA 无数据、规则剔除、产品填充值或超出有效范围、对齐后无参考值、参考产品填充值或超出有效范围）。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="83" />
      <source>STRATA: an optional integer class raster (land cover, biomes; the MCD12Q1 LC_Type3 preset names the biomes the MODIS LAI algorithm retrieves by), read by nearest neighbour on the product grid. OUTPUT_STRATA then holds the statistics of every stratum with kept pixels, per class and 'all' (no median |d| there). OUTPUT_DENSITY counts every kept pixel by product and reference LAI in 0.05 LAI bins, per class, as a numpy archive: numpy.load(path) gives counts[class, product bin, reference bin], classes and edges.</source>
      <translation>STRATA：可选的整数类别栅格（土地覆盖、生物群区；MCD12Q1 LC_Type3 预设给出 MODIS LAI 算法按其反演的生物群区），以最邻近法读到产品格网上。OUTPUT_STRATA 给出每个有保留像元的分层按类别及“all”的统计（其中不含 |d| 中位数）。OUTPUT_DENSITY 按类别以 0.05 LAI 的区间统计每个保留像元的产品与参考 LAI，保存为 numpy 归档：numpy.load(path) 得到 counts[类别, 产品区间, 参考区间]、classes 和 edges。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="90" />
      <source>OUTPUT_REPORT: one HTML file with the tables, the density scatter, the histogram of differences and the provenance; it opens offline in any browser and prints on A4.</source>
      <translation>OUTPUT_REPORT：一个 HTML 文件，包含各统计表、密度散点图、差值直方图及来源与处理记录；可在任何浏览器中离线打开，并可按 A4 打印。</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="93" />
      <source>QA schemes</source>
      <translation>QA 方案</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="97" />
      <source>QA raster (empty = the product raster)</source>
      <translation>QA 栅格（留空 = 待验证产品栅格）</translation>
    </message>
    <message>
      <location filename="../processing_provider/masked_difference.py" line="97" />
      <source>QA band</source>
      <translation>QA 波段</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="111" />
      <source>Default rule</source>
      <translation>默认规则</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="116" />
      <source>Custom: one CUSTOM_FIELDS row per field (name, first bit, bit count, labels such as 0=DRT;1=ECO). From qgis_process: CUSTOM_FIELDS=algorithm,2,2,0=DRT;1=ECO;2=WAT;3=TIM</source>
      <translation>自定义：每个字段在 CUSTOM_FIELDS 中占一行（名称、起始比特位、比特数、取值标签如 0=DRT;1=ECO）。在 qgis_process 中：CUSTOM_FIELDS=algorithm,2,2,0=DRT;1=ECO;2=WAT;3=TIM</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="120" />
      <source>a scheme file instead of SCHEME: STAC classification:bitfields JSON (a bare list, an object holding it, or a STAC Item whose asset or band carries it), unpackqa product YAML, or a LAI QA Toolkit scheme JSON (laiqa:exportscheme writes all three). A file with several bit field sets gives its first; name another as file.json#asset or file.yaml#product. Not together with CUSTOM_FIELDS.</source>
      <translation>以方案文件代替 SCHEME：STAC classification:bitfields JSON（单独的列表、包含该键的对象，或其资产或波段带有该键的 STAC Item）、unpackqa 产品 YAML，或 LAI QA Toolkit 方案 JSON（laiqa:exportscheme 可写出这三种格式）。含有多组位字段的文件取第一组；如需其他组，写作 file.json#资产 或 file.yaml#产品。不能与 CUSTOM_FIELDS 同时使用。</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="148" />
      <source>{0}: layer '{1}' is served by '{2}', not by GDAL; save it as a file first</source>
      <translation>{0}：图层“{1}”由“{2}”提供而非 GDAL，请先将其保存为文件</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="158" />
      <source>Validation report (HTML with tables and figures, opens offline)</source>
      <translation>验证报告（含表格与图的 HTML，可离线打开）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="158" />
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="181" />
      <source>QA scheme</source>
      <translation>QA 方案</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="183" />
      <source>Custom QA fields (used when the scheme is Custom; labels as 0=DRT;1=ECO)</source>
      <translation>自定义 QA 字段（方案为“自定义”时使用；标签写作 0=DRT;1=ECO）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="186" />
      <source>QA scheme file (STAC bitfields JSON, unpackqa YAML or LAI QA Toolkit JSON; overrides the QA scheme)</source>
      <translation>QA 方案文件（STAC bitfields JSON、unpackqa YAML 或 LAI QA Toolkit JSON；优先于 QA 方案）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="188" />
      <source>QA scheme files (*.json *.yaml *.yml);;All files (*.*)</source>
      <translation>QA 方案文件 (*.json *.yaml *.yml);;所有文件 (*.*)</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="196" />
      <source>Give the QA scheme as {0} or as {1}, not both</source>
      <translation>请以 {0} 或 {1} 之一给出 QA 方案，不能同时给出</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="217" />
      <source>QA keep rule (e.g. quality != 3 and algorithm in (DRT, ECO); empty = the scheme's default)</source>
      <translation>QA 保留规则（如 quality != 3 and algorithm in (DRT, ECO)；留空 = 方案的默认规则）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="237" />
      <source>Buffer: also drop pixels within this many pixels of a flagged one (0 = no buffer)</source>
      <translation>缓冲区：距标记像元这么多像元以内的像元也剔除（0 = 不设缓冲区）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="240" />
      <source>Buffer rule: the flagged pixels, e.g. cloud_state != clear (empty = the pixels the keep rule drops)</source>
      <translation>缓冲区规则：被标记的像元，如 cloud_state != clear（为空 = 保留规则剔除的像元）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="275" />
      <source>More QA layers under the same rule (raster: empty = the QA raster; band; scheme: preset id or index; grid in HDF containers)</source>
      <translation>同一规则下的更多 QA 图层（栅格：留空 = QA 栅格；波段；方案：预设 id 或序号；HDF 容器中的网格）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="281" />
      <source>EXTRA_QA: more QA layers of the same product under one rule, e.g. FparExtra_QC beside FparLai_QC. One row per layer: raster (empty = the QA raster; in a batch always empty: each product file), band, scheme (a preset id such as mod15_fparextra_qc, or its SCHEME index) and grid in HDF containers (empty = the preset's). From qgis_process: EXTRA_QA=,1,mod15_fparextra_qc,FparExtra_QC. A rule names a layer's fields LAYER.FIELD (the layer is its grid name, else its scheme id), e.g. &lt;code&gt;FparExtra_QC.SNOW_ICE == no and SCF_QC in (main, main_saturated)&lt;/code&gt;; a field only one layer has may be written alone. A pixel is QA nodata where any layer is; together the layers hold at most 64 bits. An empty rule is the main scheme's default rule.</source>
      <translation>EXTRA_QA：同一产品的更多 QA 图层，在同一条规则下使用，例如 FparLai_QC 之外的 FparExtra_QC。每个图层一行：栅格（留空 = QA 栅格；批处理中必须留空：取自每个产品文件）、波段、方案（预设 id，如 mod15_fparextra_qc，或其 SCHEME 序号）以及 HDF 容器中的网格（留空 = 预设的网格）。在 qgis_process 中：EXTRA_QA=,1,mod15_fparextra_qc,FparExtra_QC。规则以 图层.字段 指代某图层的字段（图层名为其网格名，否则为其方案 id），例如 &lt;code&gt;FparExtra_QC.SNOW_ICE == no and SCF_QC in (main, main_saturated)&lt;/code&gt;；只有一个图层具有的字段可以直接写字段名。任一图层为无数据的像元即为 QA 无数据；所有图层合计最多 64 位。规则留空时使用主方案的默认规则。</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="298" />
      <source>{0} has {1} cells, not a multiple of {2} (raster, band, scheme, grid)</source>
      <translation>{0} 有 {1} 个单元格，不是 {2} 的倍数（栅格、波段、方案、网格）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="306" />
      <source>{0} row {1}</source>
      <translation>{0} 第 {1} 行</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="308" />
      <source>{0}: in a batch every QA layer is read from each product file; leave the raster empty</source>
      <translation>{0}：批处理中每个 QA 图层都从各产品文件读取；请将栅格留空</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="311" />
      <source>{0}: give the layer's scheme (a preset id such as mod15_fparextra_qc, or its index)</source>
      <translation>{0}：请给出该图层的方案（预设 id，如 mod15_fparextra_qc，或其序号）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="314" />
      <source>{0}: the band must be a whole number from 1, got '{1}'</source>
      <translation>{0}：波段必须是从 1 开始的整数，得到的是“{1}”</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="339" />
      <source>QA raster</source>
      <translation>QA 栅格</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="347" />
      <source>QA grid in HDF containers (e.g. FparLai_QC)</source>
      <translation>HDF 文件中 QA 的子数据集（如 FparLai_QC）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="381" />
      <source>{0} band</source>
      <translation>{0} 波段</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="384" />
      <source>{0} preset (scale, valid range, fill)</source>
      <translation>{0} 预设（缩放系数、有效范围、填充值）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="386" />
      <source>{0} scale factor (empty = from file or preset)</source>
      <translation>{0} 缩放系数（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="387" />
      <source>{0} offset (empty = from file or preset)</source>
      <translation>{0} 偏移量（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="388" />
      <source>{0} valid minimum, stored units (empty = from file or preset)</source>
      <translation>{0} 有效最小值，存储单位（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="389" />
      <source>{0} valid maximum, stored units (empty = from file or preset)</source>
      <translation>{0} 有效最大值，存储单位（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="393" />
      <source>{0} fill values, stored units, comma separated (empty = from file or preset)</source>
      <translation>{0} 填充值，存储单位，逗号分隔（留空 = 取自文件或预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="448" />
      <source>Split by QA field (empty = no split)</source>
      <translation>按 QA 字段分类（留空 = 不分类）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="450" />
      <source>Resampling of the reference</source>
      <translation>参考产品重采样方法</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="452" />
      <source>Deming regression: error variance of the product / of the reference (empty = no Deming line)</source>
      <translation>Deming 回归：待验证产品误差方差 / 参考产品误差方差（留空 = 不计算 Deming 回归线）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="476" />
      <source>Creation options of the output rasters (KEY=VALUE|KEY=VALUE; empty = tiled ZSTD GeoTIFF)</source>
      <translation>输出栅格的创建选项（KEY=VALUE|KEY=VALUE；留空 = 分块 ZSTD 压缩的 GeoTIFF）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="487" />
      <source>{0}: '{1}' is not KEY=VALUE (separate options with |)</source>
      <translation>{0}：'{1}' 不是 KEY=VALUE 形式（多个选项用 | 分隔）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="493" />
      <source>Labels from STRATA_LABELS (empty = each value 0-255 is a stratum)</source>
      <translation>使用 STRATA_LABELS 中的标签（为空 = 0-255 每个值为一层）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="494" />
      <source>MODIS MCD12Q1 LC_Type3 (LAI/FPAR biomes)</source>
      <translation>MODIS MCD12Q1 LC_Type3（LAI/FPAR 生物群区）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="509" />
      <source>Strata: a class raster such as MCD12Q1 LC_Type3 (optional; nearest neighbour onto the product grid)</source>
      <translation>分层：类别栅格，如 MCD12Q1 LC_Type3（可选；以最邻近法重采样到产品格网）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="511" />
      <source>Strata band</source>
      <translation>分层波段</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="513" />
      <source>Strata classes</source>
      <translation>分层类别</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="515" />
      <source>Strata labels, e.g. 1=Grasslands;2=Shrublands (empty = the preset's)</source>
      <translation>分层标签，如 1=Grasslands;2=Shrublands（为空 = 使用预设）</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="70" />
      <source>No raster given for {0}</source>
      <translation>{0} 未给定栅格</translation>
    </message>
    <message>
      <location filename="../processing_provider/parameters.py" line="88" />
      <source>Custom (fields from CUSTOM_FIELDS)</source>
      <translation>自定义（字段取自 CUSTOM_FIELDS）</translation>
    </message>
    <message>
      <location filename="../processing_provider/provider.py" line="23" />
      <source>LAI QA Toolkit: QA bit fields and LAI validation</source>
      <translation>LAI QA 工具箱：QA 比特位字段与 LAI 验证</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="23" />
      <source>QA mask from a rule</source>
      <translation>按规则生成 QA 掩膜</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="26" />
      <source>Builds a keep-mask from a QA band and a readable rule over the scheme's fields, for example &lt;code&gt;quality != 3 and algorithm in (DRT, ECO)&lt;/code&gt; or &lt;code&gt;MODLAND_QC == 0&lt;/code&gt;. Operators: == != &amp;lt; &amp;lt;= &amp;gt; &amp;gt;= in, not in, and, or, not, parentheses; values are numbers or the field's labels. An empty rule uses the scheme's default rule. Output: 1 keep, 0 drop, 255 where the QA band is nodata; KEPT_FRACTION is the kept share of pixels that have QA.</source>
      <translation>根据 QA 波段和基于方案字段的可读规则生成保留掩膜，例如 &lt;code&gt;quality != 3 and algorithm in (DRT, ECO)&lt;/code&gt; 或 &lt;code&gt;MODLAND_QC == 0&lt;/code&gt;。运算符：== != &amp;lt; &amp;lt;= &amp;gt; &amp;gt;= in、not in、and、or、not 与括号；取值可为数字或字段的取值标签。规则留空时使用方案的默认规则。输出：1 保留，0 剔除，QA 为无效值处为 255；KEPT_FRACTION 为有 QA 的像元中被保留的比例。</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="39" />
      <source>QA keep-mask</source>
      <translation>QA 保留掩膜</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="41" />
      <source>Kept fraction</source>
      <translation>保留比例</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="47" />
      <source>QA: {0} band {1}; scheme: {2}; rule: {3}</source>
      <translation>QA：{0} 第 {1} 波段；方案：{2}；规则：{3}</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="55" />
      <source>Kept {0} of {1} pixels with QA ({2:.2%})</source>
      <translation>有 QA 的 {1} 个像元中保留 {0} 个（{2:.2%}）</translation>
    </message>
    <message>
      <location filename="../processing_provider/qa_mask.py" line="57" />
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
      <location filename="../processing_provider/styling.py" line="187" />
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../processing_provider/styling.py" line="250" />
      <source>Tiles by bias</source>
      <translation>按偏差着色的分幅</translation>
    </message>
    <message>
      <location filename="../processing_provider/styling.py" line="79" />
      <source>0 drop</source>
      <translation>0 剔除</translation>
    </message>
    <message>
      <location filename="../processing_provider/styling.py" line="80" />
      <source>1 keep</source>
      <translation>1 保留</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="112" />
      <source>LAI QA Compare</source>
      <translation>LAI QA 对比</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="117" />
      <source>Single pair</source>
      <translation>单对</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="118" />
      <source>Batch</source>
      <translation>批量</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="119" />
      <source>One product raster against one reference raster</source>
      <translation>一个待验证产品栅格对一个参考产品栅格</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="120" />
      <source>Folders of tiles, paired by date and tile in their names</source>
      <translation>分幅文件夹，按文件名中的日期和分幅号配对</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="127" />
      <source>Progress of the running comparison</source>
      <translation>正在运行的比较的进度</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="128" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="129" />
      <source>Run the comparison in the background; QGIS stays usable</source>
      <translation>在后台运行比较；QGIS 仍可继续使用</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="130" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="131" />
      <source>Stop the running comparison</source>
      <translation>停止正在运行的比较</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="133" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="134" />
      <source>Close this window; a running comparison goes on</source>
      <translation>关闭此窗口；正在运行的比较会继续</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="135" />
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="136" />
      <source>Open the user guide at this window's section</source>
      <translation>打开用户指南中介绍此窗口的章节</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="140" />
      <source>Open output folder</source>
      <translation>打开输出文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="141" />
      <source>Show the last run's outputs in the file manager</source>
      <translation>在文件管理器中显示上次运行的输出</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="142" />
      <source>Copy as Python</source>
      <translation>复制为 Python 代码</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="143" />
      <source>Copy the last run as a processing.run(…) line for a script</source>
      <translation>将上次运行复制为脚本可用的 processing.run(…) 语句</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="144" />
      <source>Open report</source>
      <translation>打开报告</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="145" />
      <source>Open the last run's HTML report (tables, density scatter, histograms; for a batch the map and the time series) in the web browser</source>
      <translation>在网页浏览器中打开上次运行的 HTML 报告（表格、密度散点图、直方图；批处理还有分幅图与时间序列）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="147" />
      <source>Copy as qgis_process command</source>
      <translation>复制为 qgis_process 命令</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="148" />
      <source>Copy the last run as a command line for qgis_process</source>
      <translation>将上次运行复制为 qgis_process 命令行</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="162" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="163" />
      <source>Copy the selected cells (all when none is selected) with their headers, tab-separated for a spreadsheet</source>
      <translation>复制所选单元格（未选择时复制全部）及其表头，以制表符分隔，可粘贴到电子表格</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="165" />
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="166" />
      <source>Save the table as shown as CSV (the full-precision statistics are in the run's CSV beside its outputs)</source>
      <translation>将表格按显示内容保存为 CSV（全精度统计量在输出旁边该次运行的 CSV 中）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="176" />
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="183" />
      <source>Plots</source>
      <translation>图表</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="185" />
      <source>Pairs that failed, each with its reason; the other pairs were compared</source>
      <translation>失败的配对及各自原因；其余配对已完成比较</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="186" />
      <source>Failed pairs and their reasons</source>
      <translation>失败的配对及原因</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="234" />
      <source>Common settings</source>
      <translation>通用设置</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="238" />
      <source>How the QA band's bits are named: which bits form which field</source>
      <translation>QA 波段各位的命名：哪些位组成哪个字段</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="240" />
      <source>empty = the scheme's default rule</source>
      <translation>留空 = 方案的默认规则</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="241" />
      <source>Which pixels to keep, e.g. quality != failed and algorithm in (DRT, ECO)</source>
      <translation>保留哪些像元，例如 quality != failed and algorithm in (DRT, ECO)</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="244" />
      <source>The raw QA values the rule keeps (laiqa:explainrule gives them all)</source>
      <translation>规则保留的原始 QA 值（laiqa:explainrule 给出全部）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="246" />
      <source>Statistics per value of this QA field (e.g. per retrieval algorithm), plus 'all'</source>
      <translation>按此 QA 字段的每个取值（例如每种反演算法）分别统计，另加 “all”（全部）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="250" />
      <source>How the product stores LAI: scale, valid range, fill values</source>
      <translation>待验证产品存储 LAI 的方式：缩放系数、有效范围、填充值</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="254" />
      <source>How the reference stores LAI: scale, valid range, fill values</source>
      <translation>参考产品存储 LAI 的方式：缩放系数、有效范围、填充值</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="256" />
      <source>QA keep rule</source>
      <translation>QA 保留规则</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="258" />
      <source>Split by QA field</source>
      <translation>按 QA 字段分类</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="259" />
      <source>Product preset</source>
      <translation>待验证产品预设</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="260" />
      <source>Reference preset</source>
      <translation>参考产品预设</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="274" />
      <source>The product LAI: a raster of the project…</source>
      <translation>待验证产品 LAI：项目中的栅格图层…</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="275" />
      <source>…or a file (a typed GDAL name also works)</source>
      <translation>…或一个文件（也可输入 GDAL 数据集名称）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="278" />
      <source>The band of the product raster that holds LAI</source>
      <translation>待验证产品栅格中存放 LAI 的波段</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="280" />
      <source>A separate QA raster of the project; empty = the QA band of the product</source>
      <translation>项目中单独的 QA 栅格；留空 = 使用待验证产品自身的 QA 波段</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="281" />
      <source>…or a separate QA file</source>
      <translation>…或单独的 QA 文件</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="285" />
      <source>The band holding the QA bits: band 2 of the product raster, band 1 of a single-band QA file</source>
      <translation>存放 QA 位的波段：待验证产品栅格为第 2 波段，单波段 QA 文件为第 1 波段</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="288" />
      <source>The reference LAI (e.g. GLASS): a raster of the project…</source>
      <translation>参考产品 LAI（例如 GLASS）：项目中的栅格图层…</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="289" />
      <source>…or a file; a GLASS HDF is placed by the tile id in its name</source>
      <translation>…或一个文件；GLASS HDF 按文件名中的分幅号定位</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="290" />
      <source>Add reference on the MODIS grid</source>
      <translation>将参考产品按 MODIS 格网添加到地图</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="291" />
      <source>A GLASS HDF has no georeference: add it to the map where its tile id (hXXvYY) puts it, as a small VRT in the project's folder (the system's temporary folder for an unsaved project)</source>
      <translation>GLASS HDF 没有地理参考：按其分幅号（hXXvYY）所在位置添加到地图，方式是在项目文件夹中写一个小的 VRT（项目未保存时写在系统临时文件夹中）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="296" />
      <source>GeoTIFF (*.tif)</source>
      <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="297" />
      <source>The difference raster to write; the statistics, the sample and the plots go beside it</source>
      <translation>要写出的差值栅格；统计表、样本和图写在它旁边</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="300" />
      <source>Product band</source>
      <translation>待验证产品波段</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="305" />
      <source>Difference raster</source>
      <translation>差值栅格</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="318" />
      <source>The folder of product tiles</source>
      <translation>待验证产品分幅所在文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="320" />
      <source>The folder of reference tiles (e.g. GLASS HDF)</source>
      <translation>参考产品分幅所在文件夹（例如 GLASS HDF）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="322" />
      <source>Where each pair's difference raster, summary.csv and tiles.gpkg go</source>
      <translation>每个配对的差值栅格、summary.csv 和 tiles.gpkg 的存放位置</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="327" />
      <source>Which files of the product folder to take (several separated by ;)</source>
      <translation>选取待验证产品文件夹中的哪些文件（多个以 ; 分隔）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="329" />
      <source>Which files of the reference folder to take (several separated by ;)</source>
      <translation>选取参考产品文件夹中的哪些文件（多个以 ; 分隔）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="333" />
      <source>one per core</source>
      <translation>每个 CPU 核一对</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="334" />
      <source>How many pairs run at once; each needs memory for its windows</source>
      <translation>同时运行的配对数；每个配对都需要内存存放其窗口数据</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="336" />
      <source>Product file pattern</source>
      <translation>待验证产品文件名模式</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="338" />
      <source>Reference file pattern</source>
      <translation>参考产品文件名模式</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="340" />
      <source>Pairs at a time</source>
      <translation>同时处理的配对数</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="346" />
      <source>Advanced</source>
      <translation>高级</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="350" />
      <source>How files pair: one regular expression per key part, separated by ; (default: acquisition date AYYYYDDD and MODIS tile hXXvYY)</source>
      <translation>文件如何配对：每个键部分一个正则表达式，以 ; 分隔（默认：获取日期 AYYYYDDD 和 MODIS 分幅号 hXXvYY）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="353" />
      <source>Also take matching files in the folders' sub-folders</source>
      <translation>同时选取子文件夹中匹配的文件</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="355" />
      <source>Unticked, pairs finished by an earlier run with the same settings are skipped</source>
      <translation>不勾选时，之前以相同设置运行已完成的配对将被跳过</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="358" />
      <source>One raster per class and pair, in a folder named after the class</source>
      <translation>每个类别和配对一个栅格，存放在以类别命名的文件夹中</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="360" />
      <source>e.g. Lai_500m</source>
      <translation>例如 Lai_500m</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="361" />
      <source>The product's grid inside HDF containers (MODIS granules)</source>
      <translation>HDF 文件（MODIS 数据）中待验证产品的子数据集</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="363" />
      <source>e.g. FparLai_QC</source>
      <translation>例如 FparLai_QC</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="364" />
      <source>The QA grid inside HDF containers (MODIS granules)</source>
      <translation>HDF 文件（MODIS 数据）中 QA 的子数据集</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="366" />
      <source>The reference's grid inside HDF containers</source>
      <translation>HDF 文件中参考产品的子数据集</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="367" />
      <source>Key pattern</source>
      <translation>配对键模式</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="371" />
      <source>Product grid in HDF containers</source>
      <translation>HDF 文件中待验证产品的子数据集</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="372" />
      <source>QA grid in HDF containers</source>
      <translation>HDF 文件中 QA 的子数据集</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="390" />
      <source>(no split)</source>
      <translation>（不分类）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="418" />
      <source>Running…</source>
      <translation>正在运行…</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="422" />
      <source>QA rule: {0}</source>
      <translation>QA 规则：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="424" />
      <source>product folder</source>
      <translation>待验证产品文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="425" />
      <source>reference folder</source>
      <translation>参考产品文件夹</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="427" />
      <source>Choose an existing {0}.</source>
      <translation>请选择已存在的{0}。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="429" />
      <source>Choose an output folder.</source>
      <translation>请选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="433" />
      <source>Key pattern: {0}</source>
      <translation>配对键模式：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="436" />
      <source>Choose the product LAI raster.</source>
      <translation>请选择待验证产品 LAI 栅格。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="438" />
      <source>Choose the reference LAI raster.</source>
      <translation>请选择参考产品 LAI 栅格。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="440" />
      <source>Choose where to write the difference raster.</source>
      <translation>请选择差值栅格的保存位置。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="563" />
      <source>Stopped: the pairs finished before were kept, and a run with the same settings skips them: {0}</source>
      <translation>已停止：此前已完成的配对已保留，以相同设置再次运行会跳过它们：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="564" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="566" />
      <source>Stopped, no partial output was kept: {0}</source>
      <translation>已停止，未保留任何不完整的输出：{0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="572" />
      <source>Outputs in {0}</source>
      <translation>输出位于 {0}</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="608" />
      <source>Export statistics</source>
      <translation>导出统计表</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="608" />
      <source>CSV (*.csv)</source>
      <translation>CSV（*.csv）</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="641" />
      <source>Reference</source>
      <translation>参考产品</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="693" />
      <source>Chinese labels need a CJK font and matplotlib knows none: install one (Debian, Ubuntu: fonts-noto-cjk or fonts-wqy-microhei), delete matplotlib's font cache (~/.cache/matplotlib/fontlist-*.json) and restart QGIS.</source>
      <translation>中文标注需要 CJK 字体，而 matplotlib 未找到：请安装一种（Debian、Ubuntu：fonts-noto-cjk 或 fonts-wqy-microhei），删除 matplotlib 的字体缓存（~/.cache/matplotlib/fontlist-*.json），然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="730" />
      <source>N = {0}
Bias = {1} LAI
RMSE = {2} LAI</source>
      <translation>N = {0}
偏差 = {1} LAI
RMSE = {2} LAI</translation>
    </message>
    <message>
      <location filename="../ui/compare_dialog.py" line="90" />
      <source>Rasters (*.tif *.tiff *.hdf *.h5 *.nc *.vrt);;All files (*)</source>
      <translation>栅格 (*.tif *.tiff *.hdf *.h5 *.nc *.vrt);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../ui/modis_grid.py" line="23" />
      <source>{0} (MODIS grid)</source>
      <translation>{0}（MODIS 格网）</translation>
    </message>
    <message>
      <location filename="../ui/plot_canvas.py" line="24" />
      <source>Save figure…</source>
      <translation>保存图…</translation>
    </message>
    <message>
      <location filename="../ui/plot_canvas.py" line="25" />
      <source>Save this plot as PNG (for slides) or SVG (for editing and print)</source>
      <translation>将此图保存为 PNG（用于幻灯片）或 SVG（用于编辑和印刷）</translation>
    </message>
    <message>
      <location filename="../ui/plot_canvas.py" line="53" />
      <source>Save figure</source>
      <translation>保存图</translation>
    </message>
    <message>
      <location filename="../ui/plot_canvas.py" line="54" />
      <source>PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="109" />
      <source>no value here (outside the layer or nodata)</source>
      <translation>此处无值（在图层范围外或为无效值）</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="133" />
      <source>Select a raster QA layer in the Layers panel first</source>
      <translation>请先在图层面板中选择一个 QA 栅格图层</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="146" />
      <source>value {0}</source>
      <translation>取值 {0}</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="193" />
      <source>x {0:.3f}, y {1:.3f} (map); row {2}, column {3}</source>
      <translation>x {0:.3f}，y {1:.3f}（地图坐标）；第 {2} 行，第 {3} 列</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="49" />
      <source>Click a QA layer with the inspector tool</source>
      <translation>用查看工具点击 QA 图层</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="52" />
      <source>How the QA band's bits are named; kept with the layer in the project</source>
      <translation>QA 波段各位的命名；随图层保存在项目中</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="55" />
      <source>The band holding the QA bits; kept with the layer in the project</source>
      <translation>存放 QA 位的波段；随图层保存在项目中</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="61" />
      <source>Add this layer on the MODIS grid</source>
      <translation>将此图层按 MODIS 格网添加到地图</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="65" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="68" />
      <source>Pixel</source>
      <translation>像元</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="69" />
      <source>Raw value (bits)</source>
      <translation>原始值（二进制位）</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="71" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="71" />
      <source>Bits</source>
      <translation>比特位</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="71" />
      <source>Value</source>
      <translation>取值</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="71" />
      <source>Label</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="71" />
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="../ui/qa_inspector.py" line="72" />
      <source>Every field of the scheme at the clicked pixel</source>
      <translation>所点击像元处该方案的每个字段</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="56" />
      <source>Pair</source>
      <translation>配对</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="56" />
      <source>Date and tile of the pair; 'all pairs' rows pool every pair's pixels</source>
      <translation>配对的日期和分幅；“all pairs” 行汇总所有配对的像元</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="57" />
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="57" />
      <source>QA class (value of the split field); 'all' pools every class</source>
      <translation>QA 类别（分类字段的取值）；“all” 汇总所有类别</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="58" />
      <source>N</source>
      <translation>N</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="58" />
      <source>Pixels compared: kept by the rule and valid in both rasters</source>
      <translation>参与比较的像元：被规则保留且在两个栅格中均有效</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="59" />
      <source>Mean product (LAI)</source>
      <translation>待验证产品均值（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="59" />
      <source>Mean product LAI of the compared pixels</source>
      <translation>参与比较像元的待验证产品 LAI 均值</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="60" />
      <source>Mean reference (LAI)</source>
      <translation>参考产品均值（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="60" />
      <source>Mean reference LAI of the compared pixels</source>
      <translation>参与比较像元的参考产品 LAI 均值</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="61" />
      <source>Bias (LAI)</source>
      <translation>偏差（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="61" />
      <source>Mean of product - reference</source>
      <translation>待验证产品 − 参考产品的均值</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="62" />
      <source>MAE (LAI)</source>
      <translation>MAE（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="62" />
      <source>Mean absolute difference</source>
      <translation>平均绝对差</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="63" />
      <source>RMSE (LAI)</source>
      <translation>RMSE（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="63" />
      <source>Root mean square difference</source>
      <translation>均方根差</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="64" />
      <source>SD (LAI)</source>
      <translation>标准差（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="64" />
      <source>Standard deviation of the differences (n - 1)</source>
      <translation>差值的标准差（n − 1）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="65" />
      <source>r</source>
      <translation>r</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="65" />
      <source>Pearson correlation of product and reference</source>
      <translation>待验证产品与参考产品的皮尔逊相关系数</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="66" />
      <source>Slope</source>
      <translation>斜率</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="66" />
      <source>Ordinary least squares slope of product on reference</source>
      <translation>待验证产品对参考产品的普通最小二乘斜率</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="67" />
      <source>Intercept (LAI)</source>
      <translation>截距（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="67" />
      <source>Ordinary least squares intercept</source>
      <translation>普通最小二乘截距</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="68" />
      <source>GCOS share (%)</source>
      <translation>GCOS 达标比例（%）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="68" />
      <source>Pixels with |product - reference| &lt;= max(0.5, 20 % of reference)</source>
      <translation>满足 |待验证产品 − 参考产品| &lt;= max(0.5, 参考产品的 20 %) 的像元</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="70" />
      <source>RMA slope</source>
      <translation>RMA 斜率</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="70" />
      <source>Reduced major axis slope (both products carry error)</source>
      <translation>约化主轴斜率（两个产品均含误差）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="71" />
      <source>RMA intercept (LAI)</source>
      <translation>RMA 截距（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="71" />
      <source>Reduced major axis intercept</source>
      <translation>约化主轴截距</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="72" />
      <source>MA slope</source>
      <translation>MA 斜率</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="72" />
      <source>Major axis slope</source>
      <translation>主轴斜率</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="73" />
      <source>MA intercept (LAI)</source>
      <translation>MA 截距（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="73" />
      <source>Major axis intercept</source>
      <translation>主轴截距</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="74" />
      <source>Deming slope</source>
      <translation>Deming 斜率</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="74" />
      <source>Deming slope (needs the ratio of error variances)</source>
      <translation>Deming 斜率（需要误差方差比）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="75" />
      <source>Deming intercept (LAI)</source>
      <translation>Deming 截距（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="75" />
      <source>Deming intercept</source>
      <translation>Deming 截距</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="76" />
      <source>GCOS-244 threshold (%)</source>
      <translation>GCOS-244 阈值达标比例（%）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="76" />
      <source>Pixels with |product - reference| &lt;= max(0.1, 20 % of reference)</source>
      <translation>满足 |待验证产品 − 参考产品| &lt;= max(0.1, 参考产品的 20 %) 的像元</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="78" />
      <source>GCOS-244 goal (%)</source>
      <translation>GCOS-244 目标达标比例（%）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="78" />
      <source>Pixels with |product - reference| &lt;= max(0.05, 10 % of reference)</source>
      <translation>满足 |待验证产品 − 参考产品| &lt;= max(0.05, 参考产品的 10 %) 的像元</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="80" />
      <source>Relative bias (%)</source>
      <translation>相对偏差（%）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="80" />
      <source>Bias as a percentage of the mean reference</source>
      <translation>偏差占参考产品均值的百分比</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="81" />
      <source>Relative RMSE (%)</source>
      <translation>相对 RMSE（%）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="81" />
      <source>RMSE as a percentage of the mean reference</source>
      <translation>RMSE 占参考产品均值的百分比</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="82" />
      <source>Median |d| (LAI)</source>
      <translation>|d| 中位数（LAI）</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="82" />
      <source>Median absolute difference, to 0.01 LAI</source>
      <translation>绝对差的中位数，精度 0.01 LAI</translation>
    </message>
    <message>
      <location filename="../ui/stats_table.py" line="98" />
      <source>Select cells and press Ctrl+C to copy them with their headers</source>
      <translation>选择单元格后按 Ctrl+C，连同表头一起复制</translation>
    </message>
  </context>
</TS>
