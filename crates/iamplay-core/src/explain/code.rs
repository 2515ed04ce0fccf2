//! What the code of a step cannot say, in words: what a role profile omits, a generic command,
//! an example value.

use alloc::string::String;

use super::{Lang, tr};
use crate::scenario::ProfileOmits;

/// Why a role profile of `~/.aws/config` cannot pass a parameter of the call, in `lang`.
#[must_use]
pub fn profile_omits_message(omits: ProfileOmits, lang: Lang) -> String {
    match omits {
        ProfileOmits::Tags => tr!(
            lang,
            "a profile has no setting for session tags (`Tags`); only `aws sts assume-role` can pass them",
            "配置文件没有会话标签（`Tags`）的设置；只有 `aws sts assume-role` 能传递它们",
            "設定檔沒有工作階段標籤（`Tags`）的設定；只有 `aws sts assume-role` 能傳遞它們"
        ),
        ProfileOmits::TransitiveTagKeys => tr!(
            lang,
            "a profile has no setting for transitive tag keys (`TransitiveTagKeys`); only `aws sts assume-role` can pass them",
            "配置文件没有可传递标签键（`TransitiveTagKeys`）的设置；只有 `aws sts assume-role` 能传递它们",
            "設定檔沒有可轉移標籤索引鍵（`TransitiveTagKeys`）的設定；只有 `aws sts assume-role` 能傳遞它們"
        ),
        ProfileOmits::Policy => tr!(
            lang,
            "a profile has no setting for an inline session policy (`Policy`); only `aws sts assume-role` can pass it",
            "配置文件没有内联会话策略（`Policy`）的设置；只有 `aws sts assume-role` 能传递它",
            "設定檔沒有內嵌工作階段政策（`Policy`）的設定；只有 `aws sts assume-role` 能傳遞它"
        ),
        ProfileOmits::PolicyArns => tr!(
            lang,
            "a profile has no setting for managed session policies (`PolicyArns`); only `aws sts assume-role` can pass them",
            "配置文件没有托管会话策略（`PolicyArns`）的设置；只有 `aws sts assume-role` 能传递它们",
            "設定檔沒有受管工作階段政策（`PolicyArns`）的設定；只有 `aws sts assume-role` 能傳遞它們"
        ),
        ProfileOmits::SourceIdentity => tr!(
            lang,
            "a profile has no setting for a source identity (`SourceIdentity`); only `aws sts assume-role` can set it",
            "配置文件没有源身份（`SourceIdentity`）的设置；只有 `aws sts assume-role` 能设置它",
            "設定檔沒有來源身分（`SourceIdentity`）的設定；只有 `aws sts assume-role` 能設定它"
        ),
        ProfileOmits::TokenCode => tr!(
            lang,
            "a profile names the MFA device (`mfa_serial`) but keeps no code: the CLI asks for `TokenCode` when it assumes the role",
            "配置文件只指定 MFA 设备（`mfa_serial`），不保存验证码：CLI 代入角色时会提示输入 `TokenCode`",
            "設定檔只指定 MFA 裝置（`mfa_serial`），不保存驗證碼：CLI 擔任角色時會提示輸入 `TokenCode`"
        ),
    }
}

/// That a step's command is named after its action only, in `lang`.
#[must_use]
pub fn generic_code_message(lang: Lang) -> String {
    tr!(
        lang,
        "an approximation: iamplay does not know which command makes this action, so the command is named after the action and its parameters may be missing",
        "近似写法：iamplay 不知道哪个命令执行此操作，因此命令按操作名称命名，参数可能不完整",
        "近似寫法：iamplay 不知道哪個命令執行此動作，因此命令依動作名稱命名，參數可能不完整"
    )
}

/// That `parameter` holds an example value, in `lang`.
#[must_use]
pub fn placeholder_message(parameter: &str, lang: Lang) -> String {
    tr!(
        lang,
        "`{parameter}` is an example: the step does not say it",
        "`{parameter}` 是示例值：这一步没有给出它",
        "`{parameter}` 是範例值：這一步沒有提供它"
    )
}

/// That the profile a step signs with omits a parameter of the call that made the session, in
/// `lang`.
#[must_use]
pub fn signer_profile_omits_message(omits: ProfileOmits, lang: Lang) -> String {
    let reason = profile_omits_message(omits, lang);
    tr!(
        lang,
        "through `--profile` the session differs from this step's: {reason}",
        "通过 `--profile` 得到的会话与这一步的不同：{reason}",
        "透過 `--profile` 取得的工作階段與這一步的不同：{reason}"
    )
}

#[cfg(test)]
mod tests;
