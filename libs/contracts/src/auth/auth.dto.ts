import { Equals, IsBoolean, IsEmail, IsInt, IsISO8601, IsObject, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export class RegisterRequest {
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;
}

export class LoginRequest {
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshRequest {
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

// Declared on its own (not `extends RefreshRequest`): a class without its own rules gets no JSON Schema.
export class LogoutRequest {
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class GetUserRequest {
  @IsUUID()
  userId!: string;
}

export class GetJwksRequest {}

export class UserView {
  @IsUUID()
  id!: string;

  @IsEmail()
  email!: string;

  @IsISO8601()
  createdAt!: string;
}

export class TokenPair {
  /** A JWT (RS256) to send as `Authorization: Bearer <accessToken>`. */
  @IsString()
  accessToken!: string;

  /** Opaque; exchange it once at /auth/refresh for a new pair. */
  @IsString()
  refreshToken!: string;

  @Equals('Bearer')
  tokenType!: 'Bearer';

  /** Seconds until the access token expires. */
  @IsInt()
  @Min(1)
  expiresIn!: number;
}

export class LogoutResult {
  @IsBoolean()
  revoked!: boolean;
}

/** A public key in JWK form (RFC 7517), as published in the JWKS. */
export interface Jwk {
  kty: string;
  kid: string;
  alg: string;
  use: string;
  [parameter: string]: unknown;
}

export class Jwks {
  @IsObject({ each: true })
  keys!: Jwk[];
}

export class UserRegistered {
  @IsUUID()
  userId!: string;

  @IsEmail()
  email!: string;
}

/** Claims of an access token; verified by the gateway with the keys from the JWKS. */
export interface AccessTokenClaims {
  sub: string;
  /** `admin` for operators (granted with auth's roles CLI); empty for everyone else. */
  roles: string[];
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
}

export const ACCESS_TOKEN_ISSUER = 'irp-auth';
export const ACCESS_TOKEN_AUDIENCE = 'irp-api';
export const ACCESS_TOKEN_ALGORITHM = 'RS256';
