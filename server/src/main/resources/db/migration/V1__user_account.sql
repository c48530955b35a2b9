-- People who log in. One role each; LEAD includes TECHNOLOGIST includes STUDENT (see SecurityConfiguration).
CREATE TABLE user_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    full_name     VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL
        CHECK (role IN ('ADMIN', 'LEAD', 'TECHNOLOGIST', 'STUDENT', 'RADIOLOGIST', 'PHYSICIST')),
    password_hash VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_account_username ON user_account (lower(username));
