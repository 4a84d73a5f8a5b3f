// The two documents the 焦作 newspaper page explains, titled as printed (the page gives no issue date).
export const TOLERANCE_DOC = '焦作市支持改革创新激励干部担当有为容错纠错办法(试行)';
export const INCENTIVE_DOC = '焦作市干部鼓励激励办法(试行)';
